package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.settings.entity.SettingRef;
import dev.fluxbase.ai.settings.entity.SettingValue;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One turn's view of its user's settings and the system's. Each side is read on first use only, so a chatbot that
 * names no setting never touches the table, and then stays the same for the rest of the turn.
 */
public final class SettingsSnapshot {

    private final Supplier<Map<String, SettingValue>> systemSource;
    private final Supplier<Map<String, SettingValue>> userSource;
    private Map<String, SettingValue> system;
    private Map<String, SettingValue> user;

    SettingsSnapshot(Supplier<Map<String, SettingValue>> system, Supplier<Map<String, SettingValue>> user) {
        this.systemSource = system;
        this.userSource = user;
    }

    /** No settings at all. */
    public static SettingsSnapshot empty() {
        return new SettingsSnapshot(Map::of, Map::of);
    }

    /** The setting a placeholder names, as its scope looks for it. */
    public Optional<SettingValue> find(SettingRef ref) {
        return switch (ref.scope()) {
            case USER -> Optional.ofNullable(user().get(ref.key()));
            case SYSTEM -> Optional.ofNullable(system().get(ref.key()));
            case USER_THEN_SYSTEM -> Optional.ofNullable(user().get(ref.key())).or(() -> Optional.ofNullable(system().get(ref.key())));
        };
    }

    private synchronized Map<String, SettingValue> system() {
        if (system == null) {
            system = systemSource.get();
        }
        return system;
    }

    private synchronized Map<String, SettingValue> user() {
        if (user == null) {
            user = userSource.get();
        }
        return user;
    }
}
