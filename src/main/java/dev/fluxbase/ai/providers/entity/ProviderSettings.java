package dev.fluxbase.ai.providers.entity;

import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to talk to one provider, the plaintext API key included (in {@code config}
 * under {@code api_key}, as is an Entra ID {@code client_secret}). Equal settings can share a client. {@link #toString()}
 * never shows them.
 *
 * @param id the stored provider's UUID, or {@code FROM_CONFIG}
 */
public record ProviderSettings(String id, String name, ProviderType type, Map<String, String> config) {

    public static final String CONFIG_ID = "FROM_CONFIG";
    public static final String CONFIG_NAME = "config";

    public ProviderSettings {
        config = Map.copyOf(ProviderConfig.withoutBlanks(config));
    }

    public Optional<String> value(String key) {
        return ProviderConfig.value(config, key);
    }

    public boolean fromConfig() {
        return CONFIG_ID.equals(id);
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", name=" + name + ", type=" + type.wireName()
                + ", config=" + ProviderConfig.masked(config) + "]";
    }
}
