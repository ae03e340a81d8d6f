package dev.fluxbase.ai.settings.entity;

/**
 * What a placeholder names: {@code {{key}}} the user's setting, else the system's; {@code {{user:key}}} the user's
 * only; {@code {{system:key}}} the system's only, whatever the user set.
 */
public record SettingRef(Scope scope, String key) {

    /** Where a placeholder looks. */
    public enum Scope { USER_THEN_SYSTEM, USER, SYSTEM }

    @Override
    public String toString() {
        return switch (scope) {
            case USER_THEN_SYSTEM -> key;
            case USER -> "user:" + key;
            case SYSTEM -> "system:" + key;
        };
    }
}
