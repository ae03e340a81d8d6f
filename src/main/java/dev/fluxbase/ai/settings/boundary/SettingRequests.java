package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.settings.entity.SecretDraft;
import dev.fluxbase.ai.settings.entity.SettingDraft;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** Reads settings requests as the SDK sends them (CreateCustomSettingRequest, CreateSecretSettingRequest, ...). */
final class SettingRequests {

    private SettingRequests() {
    }

    static String key(JsonFields json) {
        return json.requiredText("key");
    }

    /** A custom setting, or the value and description a user sets. */
    static SettingDraft draft(JsonFields json) {
        return new SettingDraft(json.json().get("value"), json.choice("value_type", SettingDraft.VALUE_TYPES), json.text("description"),
                json.strings("editable_by"), json.object("metadata"));
    }

    static SettingDraft userDraft(JsonFields json) {
        return SettingDraft.of(json.json().get("value"), json.text("description"));
    }

    static SecretDraft secret(JsonFields json) {
        return new SecretDraft(json.text("value"), json.text("description"));
    }

    /**
     * A secret created as a custom setting with {@code is_secret}: the SDK wraps its value as {@code {"value": "..."}},
     * Fluxbase also takes a plain string.
     */
    static SecretDraft secretFromCustom(JsonFields json) {
        JsonValue value = json.json().get("value");
        if (value instanceof JsonObject object && object.get("value") instanceof JsonString inner) {
            value = inner;
        }
        if (!(value instanceof JsonString secret)) {
            throw json.invalid("value", "a non-empty string for a secret (use {\"value\": \"your-secret\"})");
        }
        return new SecretDraft(Optional.of(secret.getString()), json.text("description"));
    }

    static boolean isSecret(JsonFields json) {
        return json.bool("is_secret").orElse(false);
    }
}
