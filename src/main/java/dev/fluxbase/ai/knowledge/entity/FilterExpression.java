package dev.fluxbase.ai.knowledge.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fluxbase's {@code filter_expression} of a filtered link: metadata keys and the text each must equal, all of them.
 * The value {@value #USER_ID} stands for the turn's user. Numbers and booleans compare as their text, as PostgreSQL's
 * {@code ->>} prints them.
 *
 * @param conditions metadata key to required value, in the order given
 */
public record FilterExpression(Map<String, String> conditions) {

    public static final String USER_ID = "$user_id";
    public static final FilterExpression NONE = new FilterExpression(Map.of());
    static final int MAX_CONDITIONS = 20;
    static final int MAX_KEY_LENGTH = 100;

    public FilterExpression {
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    /** Reads a flat JSON object; anything else is refused with a message that says what is wrong. */
    public static FilterExpression of(JsonObject json) {
        if (json.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("filter_expression has more than " + MAX_CONDITIONS + " keys");
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        json.forEach((key, value) -> conditions.put(key(key), value(key, value)));
        return new FilterExpression(conditions);
    }

    private static String key(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("filter_expression keys are metadata keys of 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static String value(String key, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> throw new IllegalArgumentException("filter_expression." + key + " must be a string, number or boolean");
        };
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }
}
