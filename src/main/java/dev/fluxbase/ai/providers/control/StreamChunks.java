package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/** The JSON chunks of provider streams, read leniently: a chunk that is not an object is skipped, a missing count is 0. */
final class StreamChunks {

    private StreamChunks() {
    }

    /** @return the object, or null when the text is not one */
    static JsonObject parse(String text) {
        try {
            return JsonFactories.read(text) instanceof JsonObject object ? object : null;
        } catch (JsonException e) {
            return null;
        }
    }

    static int count(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber n ? n.intValue() : 0;
    }
}
