package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Request bodies are read as text and parsed here, so that malformed JSON gets our 400 answer
 * instead of the framework's.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** An empty body reads as an empty object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            JsonValue value = JsonFactories.read(body);
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            // answered below
        }
        throw RequestRejected.badRequest("Invalid request body: expected a JSON object");
    }
}
