package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import dev.fluxbase.ai.settings.entity.SettingKey;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;

/**
 * The settings a chatbot cannot answer without ({@code @fluxbase:required-settings}): each key must be set for the
 * user who asks, as their own setting or the system's, before a turn reaches the provider.
 */
@Embeddable
public class RequiredSettings {

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "required_settings")
    private List<String> keys;

    protected RequiredSettings() {
        // for JPA
    }

    private RequiredSettings(List<String> keys) {
        for (String key : keys) {
            if (!SettingKey.isValid(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a setting key (a letter, then letters, digits, '_' and '.')");
            }
        }
        this.keys = keys.stream().distinct().toList();
    }

    /** None. */
    public static RequiredSettings defaults() {
        return new RequiredSettings(List.of());
    }

    public List<String> keys() {
        return keys == null ? List.of() : keys;
    }

    public RequiredSettings withKeys(List<String> keys) {
        return new RequiredSettings(keys);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredSettings r && keys().equals(r.keys());
    }

    @Override
    public int hashCode() {
        return keys().hashCode();
    }

    @Override
    public String toString() {
        return "RequiredSettings" + keys();
    }
}
