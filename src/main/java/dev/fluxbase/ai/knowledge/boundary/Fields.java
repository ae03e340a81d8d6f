package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** Typed, optional fields of a request body; a field of the wrong type is a 400, never ignored. */
final class Fields {

    private Fields() {
    }

    static Optional<String> text(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw invalid(key, "a string");
    }

    static Optional<Integer> integer(JsonObject body, String key, int min, int max) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() >= min && n.longValue() <= max) {
            return Optional.of(n.intValue());
        }
        throw invalid(key, "an integer from " + min + " to " + max);
    }

    static Optional<Double> number(JsonObject body, String key, double min, double max) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return Optional.of(n.doubleValue());
        }
        throw invalid(key, "a number from " + min + " to " + max);
    }

    static Optional<Boolean> bool(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw invalid(key, "true or false");
    }

    static Optional<List<String>> strings(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return Optional.of(array.getValuesAs(JsonString::getString));
        }
        throw invalid(key, "an array of strings");
    }

    /** A JSON object, returned as its text for a jsonb column. */
    static Optional<String> object(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonObject object) {
            return Optional.of(object.toString());
        }
        throw invalid(key, "an object");
    }

    static String required(JsonObject body, String key) {
        return text(body, key).filter(s -> !s.isBlank())
                .orElseThrow(() -> RequestRejected.badRequest("Invalid request body: \"" + key + "\" is required"));
    }

    private static RequestRejected invalid(String key, String expected) {
        return RequestRejected.badRequest("Invalid request body: \"" + key + "\" must be " + expected);
    }
}
