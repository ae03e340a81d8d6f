package dev.fluxbase.ai.providers.entity;

import java.util.Map;

/** A provider an admin asks to create; {@code config} may hold the plaintext API key, so it is never printed. */
public record ProviderDraft(String name, String displayName, ProviderType type, boolean isDefault, boolean enabled,
        String embeddingModel, Map<String, String> config) {

    public ProviderDraft {
        config = Map.copyOf(ProviderConfig.withoutBlanks(config));
    }

    @Override
    public String toString() {
        return "ProviderDraft[name=" + name + ", type=" + type.wireName() + "]";
    }
}
