package dev.fluxbase.ai.settings.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A plain setting's value and what goes with it, checked against {@link SettingLimits}. On an update what is
 * absent stays as it was; on a creation it takes Fluxbase's defaults.
 */
public record SettingDraft(JsonValue value, Optional<String> valueType, Optional<String> description, Optional<List<String>> editableBy,
        Optional<JsonObject> metadata) {

    public static final List<String> VALUE_TYPES = List.of("string", "number", "boolean", "json");

    public SettingDraft {
        SettingLimits.checkValue(value);
        description.ifPresent(SettingLimits::checkDescription);
        editableBy = editableBy.map(List::copyOf);
        editableBy.ifPresent(SettingLimits::checkEditableBy);
        metadata.ifPresent(SettingLimits::checkMetadata);
    }

    /** Just a value and perhaps a description: what a user sets. */
    public static SettingDraft of(JsonValue value, Optional<String> description) {
        return new SettingDraft(value, Optional.empty(), description, Optional.empty(), Optional.empty());
    }
}
