package dev.fluxbase.ai.platform.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON provider, looked up once: {@code Json.createObjectBuilder()}, {@code Json.createValue()} and
 * {@code Json.createReader()} look it up (a ServiceLoader scan of every jar) on each call, which the
 * per-turn, per-row and per-delta paths cannot afford. Call {@link #PROVIDER} where code would call
 * {@code Json}. Text is read with readers that are closed, which gives their buffer back to the
 * provider's pool: an unclosed reader leaves 8 KB of garbage behind, once per streamed delta.
 */
public final class JsonFactories {

    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private JsonFactories() {
    }

    /** @throws jakarta.json.JsonException when the text is not JSON */
    public static JsonValue read(String text) {
        return read(text, JsonReader::readValue);
    }

    /** @throws jakarta.json.JsonException when the text is not a JSON object */
    public static JsonObject readObject(String text) {
        return read(text, JsonReader::readObject);
    }

    /** @throws jakarta.json.JsonException when the text is not a JSON array */
    public static JsonArray readArray(String text) {
        return read(text, JsonReader::readArray);
    }

    private static <T> T read(String text, Function<JsonReader, T> how) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return how.apply(reader);
        }
    }
}
