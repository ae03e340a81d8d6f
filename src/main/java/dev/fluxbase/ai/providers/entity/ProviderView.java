package dev.fluxbase.ai.providers.entity;

import java.time.OffsetDateTime;
import java.util.Map;

/** A provider as the admin API shows it: the key masked, the configuration provider marked read-only. */
public record ProviderView(String id, String name, String displayName, ProviderType type, boolean isDefault,
        boolean useForEmbeddings, String embeddingModel, boolean enabled, Map<String, String> maskedConfig,
        boolean fromConfig, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public ProviderView {
        maskedConfig = Map.copyOf(maskedConfig);
    }
}
