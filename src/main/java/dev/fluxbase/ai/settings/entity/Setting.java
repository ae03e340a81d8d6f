package dev.fluxbase.ai.settings.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored setting as the API shows it. A secret carries no value at all, not even a sealed one: nothing read
 * through this record can leak it.
 *
 * @param userId    null for a system setting
 * @param valueJson the value as JSON; null for a secret
 * @param createdBy the user id of whoever created it, null when a key without a user did
 */
public record Setting(UUID id, String key, String userId, boolean secret, String valueJson, String valueType, String description,
        List<String> editableBy, String metadataJson, String createdBy, String updatedBy, Instant createdAt, Instant updatedAt) {

    public Setting {
        editableBy = editableBy == null ? List.of() : List.copyOf(editableBy);
    }
}
