package dev.fluxbase.ai.platform.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * JSON-P factories made once: {@code Json.createObjectBuilder()} and {@code Json.createReader()} look the
 * JSON provider up (a ServiceLoader scan of every jar) on each call, which the per-turn and per-delta
 * paths cannot afford. Text is read with readers that are closed, which gives their buffer back to the
 * provider's pool: an unclosed reader leaves 8 KB of garbage behind, once per streamed delta.
 */
public final class JsonFactories {

    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFactories() {
    }

    /** @throws jakarta.json.JsonException when the text is not JSON */
    public static JsonValue read(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** @throws jakarta.json.JsonException when the text is not a JSON object */
    public static JsonObject readObject(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** @throws jakarta.json.JsonException when the text is not a JSON array */
    public static JsonArray readArray(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }
}
