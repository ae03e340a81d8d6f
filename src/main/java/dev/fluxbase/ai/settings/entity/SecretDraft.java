package dev.fluxbase.ai.settings.entity;

import java.util.Optional;

/**
 * A secret's value and description, checked against {@link SettingLimits}; on an update what is absent stays. Its
 * text form never shows the value.
 */
public record SecretDraft(Optional<String> value, Optional<String> description) {

    public SecretDraft {
        value.ifPresent(SettingLimits::checkSecret);
        description.ifPresent(SettingLimits::checkDescription);
    }

    @Override
    public String toString() {
        return "SecretDraft[value " + (value.isPresent() ? "given" : "unchanged") + ", description=" + description.orElse("") + "]";
    }
}
