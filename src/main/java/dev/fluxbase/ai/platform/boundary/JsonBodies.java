package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonValue;

/**
 * Request bodies are read as text and parsed here, so that malformed JSON and fields of the wrong
 * type get our 400 answer ({@code INVALID_REQUEST}, "Invalid request body: ...") instead of the framework's.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body's fields; an empty body reads as an empty object. */
    public static JsonFields fields(String body) {
        if (body == null || body.isBlank()) {
            return JsonFields.of(JsonValue.EMPTY_JSON_OBJECT, JsonBodies::invalid);
        }
        return JsonFields.parse(body, JsonBodies::invalid);
    }

    private static RequestRejected invalid(String detail) {
        return RequestRejected.badRequest("Invalid request body: " + detail);
    }
}
