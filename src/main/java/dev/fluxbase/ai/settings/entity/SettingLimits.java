package dev.fluxbase.ai.settings.entity;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.platform.entity.Utf8;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * How large a setting may be. A value ends up in prompts and requests, so it is bounded; a user may keep only so
 * many settings, since any signed-in user can write their own. Migration V16 enforces the sizes again.
 */
public final class SettingLimits {

    /** Bytes of a value as compact JSON, or of a secret's text. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    public static final int MAX_DESCRIPTION_CHARS = 1000;
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    public static final int MAX_EDITABLE_BY = 32;
    /** Plain and secret settings together. */
    public static final int MAX_PER_USER = 100;

    private SettingLimits() {
    }

    static void checkValue(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw RequestRejected.badRequest("Setting value is required");
        }
        checkSize(Utf8.length(value.toString()));
    }

    static void checkSecret(String value) {
        if (value.isEmpty()) {
            throw RequestRejected.badRequest("Secret value must be a non-empty string");
        }
        checkSize(Utf8.length(value));
    }

    static void checkDescription(String description) {
        if (description.length() > MAX_DESCRIPTION_CHARS) {
            throw RequestRejected.badRequest("\"description\" must be at most " + MAX_DESCRIPTION_CHARS + " characters");
        }
    }

    static void checkMetadata(JsonValue metadata) {
        if (Utf8.length(metadata.toString()) > MAX_METADATA_BYTES) {
            throw RequestRejected.badRequest("\"metadata\" must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
        }
    }

    static void checkEditableBy(List<String> roles) {
        if (roles.size() > MAX_EDITABLE_BY || roles.stream().anyMatch(role -> role.isBlank() || role.length() > 64)) {
            throw RequestRejected.badRequest("\"editable_by\" must be at most " + MAX_EDITABLE_BY + " role names of 1 to 64 characters");
        }
    }

    private static void checkSize(int bytes) {
        if (bytes > MAX_VALUE_BYTES) {
            throw new RequestRejected(413, ErrorCodes.SETTING_TOO_LARGE,
                    "Setting value too large: " + bytes + " bytes, at most " + MAX_VALUE_BYTES + " are allowed");
        }
    }
}
