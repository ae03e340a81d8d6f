package dev.fluxbase.ai.providers.entity;

import java.util.Map;
import java.util.Optional;

/**
 * A partial update of a provider: only what is present changes. {@code configPatch} is merged key by
 * key; an empty value removes the key, the masked placeholder leaves the stored API key alone.
 */
public record ProviderChanges(Optional<String> displayName, Map<String, Optional<String>> configPatch,
        Optional<Boolean> enabled, Optional<Optional<String>> embeddingModel) {

    public ProviderChanges {
        configPatch = Map.copyOf(configPatch);
    }

    @Override
    public String toString() {
        return "ProviderChanges[keys=" + configPatch.keySet() + "]";
    }
}
