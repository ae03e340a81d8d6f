package dev.fluxbase.ai.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic stand-in for an embedding model: a hashed bag of words. Texts sharing words get
 * similar vectors, unrelated texts nearly orthogonal ones, which is all retrieval tests need, and
 * tests can compute the exact expected vector with {@link FakeLlmServer#embed(String, int)}.
 */
public final class FakeEmbeddings {

    static final int DEFAULT_DIMENSIONS = 384;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private FakeEmbeddings() {
    }

    static float[] embed(String text, int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        }
        float[] vector = new float[dimensions];
        for (String word : words(text)) {
            vector[Integer.remainderUnsigned(fnv1a(word), dimensions)] += 1f;
        }
        return normalise(vector);
    }

    /** The request's {@code input}: one string or an array of strings. */
    static List<String> inputs(JsonObject request) {
        JsonValue input = request.get("input");
        if (input instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (input instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString::getString);
        }
        throw new IllegalArgumentException("'input' must be a string or an array of strings");
    }

    static int dimensions(JsonObject request) {
        return request.getInt("dimensions", DEFAULT_DIMENSIONS);
    }

    /** Words stand in for tokens in the usage figures. */
    static int tokenCount(List<String> inputs) {
        return inputs.stream().mapToInt(text -> words(text).size()).sum();
    }

    static JsonArrayBuilder vectorJson(JsonBuilderFactory json, String text, int dimensions) {
        JsonArrayBuilder array = json.createArrayBuilder();
        for (float value : embed(text, dimensions)) {
            array.add(value);
        }
        return array;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    // FNV-1a rather than String.hashCode: short words would otherwise land in neighbouring buckets.
    private static int fnv1a(String word) {
        int hash = FNV_OFFSET;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return hash;
    }

    private static float[] normalise(float[] vector) {
        double sumOfSquares = 0;
        for (float value : vector) {
            sumOfSquares += value * value;
        }
        if (sumOfSquares == 0) {
            // A text without words still gets a unit vector: a zero vector makes cosine distance NaN.
            vector[0] = 1f;
            return vector;
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }
}
