package dev.fluxbase.ai.settings.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The text a placeholder puts in place of a plain setting, as Fluxbase extracts it: a JSON string as it is, the
 * {@code value} of an object such as the SDK's {@code {"value": ...}} wrapper (a string as it is, a number or a
 * boolean as written, anything else as JSON), and any other value as its JSON.
 */
public final class SettingText {

    private SettingText() {
    }

    public static String of(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonObject object && object.containsKey("value")) {
            JsonValue inner = object.get("value");
            return inner instanceof JsonString string ? string.getString() : inner.toString();
        }
        return value.toString();
    }
}
