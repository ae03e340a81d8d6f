package dev.fluxbase.ai.platform.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed fields of a JSON object that a client or a model wrote: request bodies, socket frames, tool
 * arguments. A field of the wrong type is refused, never ignored; an absent field and a JSON
 * {@code null} both read as absent. Every refusal says {@code "key" must be <what>} or
 * {@code "key" is required}; the caller's rejection turns that into its own error (a 400, an
 * {@code INVALID_MESSAGE} frame, a tool result) with its own prefix.
 */
public final class JsonFields {

    private final JsonObject json;
    private final String path;
    private final Function<String, ? extends RuntimeException> rejection;

    private JsonFields(JsonObject json, String path, Function<String, ? extends RuntimeException> rejection) {
        this.json = json;
        this.path = path;
        this.rejection = rejection;
    }

    /** @param rejection makes the exception to throw from a message such as {@code "name" is required} */
    public static JsonFields of(JsonObject json, Function<String, ? extends RuntimeException> rejection) {
        return new JsonFields(json, "", rejection);
    }

    /** The object that {@code text} holds; anything else is refused as {@code expected a JSON object}. */
    public static JsonFields parse(String text, Function<String, ? extends RuntimeException> rejection) {
        try {
            if (JsonFactories.read(text) instanceof JsonObject object) {
                return of(object, rejection);
            }
        } catch (JsonException e) {
            // refused below, as any other value that is not an object
        }
        throw rejection.apply("expected a JSON object");
    }

    public JsonObject json() {
        return json;
    }

    public Set<String> keys() {
        return json.keySet();
    }

    /** Whether the key is there at all, even as {@code null} (which may mean "clear it"). */
    public boolean has(String key) {
        return json.containsKey(key);
    }

    public Optional<String> text(String key) {
        return value(key).map(value -> {
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw invalid(key, "a string");
        });
    }

    /** A string where a blank one reads as absent. */
    public Optional<String> nonBlankText(String key) {
        return text(key).filter(s -> !s.isBlank());
    }

    /** A non-blank string. */
    public String requiredText(String key) {
        return required(key, this::nonBlankText);
    }

    /** A string, or a number or boolean as its JSON text: for settings maps that clients send loosely typed. */
    public Optional<String> scalarText(String key) {
        return value(key).map(value -> {
            if (value instanceof JsonString s) {
                return s.getString();
            }
            if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value.toString();
            }
            throw invalid(key, "a string");
        });
    }

    /** A string that is one of {@code choices}; a blank one reads as absent. */
    public Optional<String> choice(String key, List<String> choices) {
        Optional<String> choice = nonBlankText(key);
        if (choice.isPresent() && !choices.contains(choice.get())) {
            throw invalid(key, "one of " + String.join(", ", choices));
        }
        return choice;
    }

    public Optional<Boolean> bool(String key) {
        return value(key).map(value -> {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw invalid(key, "true or false");
        });
    }

    /** Any 32-bit integer; callers with a rule of their own check its range. */
    public Optional<Integer> integer(String key) {
        return integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An integer from {@code min} to {@code max}, both included, written as an integer (2, not 2.0). */
    public Optional<Integer> integer(String key, int min, int max) {
        return value(key).map(value -> {
            if (value instanceof JsonNumber n && n.isIntegral() && inRange(n.bigDecimalValue(), min, max)) {
                return n.intValue();
            }
            throw invalid(key, integers(min, max));
        });
    }

    /** Any number, exactly as written. */
    public Optional<BigDecimal> decimal(String key) {
        return value(key).map(value -> {
            if (value instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            throw invalid(key, "a number");
        });
    }

    /** A number from {@code min} to {@code max}, both included. */
    public Optional<Double> number(String key, double min, double max) {
        return value(key).map(value -> {
            if (value instanceof JsonNumber n && n.doubleValue() >= min && n.doubleValue() <= max) {
                return n.doubleValue();
            }
            throw invalid(key, "a number from " + plain(min) + " to " + plain(max));
        });
    }

    public Optional<List<String>> strings(String key) {
        return value(key).map(value -> {
            if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
                return array.getValuesAs(JsonString::getString);
            }
            throw invalid(key, "an array of strings");
        });
    }

    public Optional<JsonObject> object(String key) {
        return value(key).map(value -> {
            if (value instanceof JsonObject object) {
                return object;
            }
            throw invalid(key, "an object");
        });
    }

    /** The fields of a nested object; their messages name them as {@code "outer.inner"}. */
    public Optional<JsonFields> fields(String key) {
        return object(key).map(object -> new JsonFields(object, path + key + ".", rejection));
    }

    /** The fields of each object in an array; their messages name them as {@code "outer[0].inner"}. */
    public Optional<List<JsonFields>> fieldsList(String key) {
        return value(key).map(value -> {
            if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonObject.class::isInstance)) {
                throw invalid(key, "an array of objects");
            }
            List<JsonFields> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(new JsonFields(array.getJsonObject(i), path + key + "[" + i + "].", rejection));
            }
            return items;
        });
    }

    /** The field as {@code read} reads it; absent (or blank, where {@code read} says so) is refused as required. */
    public <T> T required(String key, Function<String, Optional<T>> read) {
        return read.apply(key).orElseThrow(() -> rejection.apply(quoted(key) + " is required"));
    }

    /** The refusal for a field that has the right type but not an acceptable value: {@code "key" must be <expected>}. */
    public RuntimeException invalid(String key, String expected) {
        return rejection.apply(quoted(key) + " must be " + expected);
    }

    private Optional<JsonValue> value(String key) {
        JsonValue value = json.get(key);
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value);
    }

    private String quoted(String key) {
        return "\"" + path + key + "\"";
    }

    private static boolean inRange(BigDecimal value, int min, int max) {
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static String integers(int min, int max) {
        if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
            return "an integer";
        }
        return max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
    }

    /** 1.0 as 1, 0.5 as 0.5. */
    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
