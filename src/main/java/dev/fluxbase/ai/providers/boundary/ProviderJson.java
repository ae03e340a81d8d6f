package dev.fluxbase.ai.providers.boundary;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ProviderView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Providers in the shape the Fluxbase SDK reads as AIProvider: snake_case fields, {@code config} as string values
 * with the API key masked, lists as {@code {providers, count}} (the SDK reads {@code body.providers}). The provider
 * from configuration is marked by both {@code from_config} (which the SDK's type declares) and {@code read_only}
 * (which Fluxbase's own server sends).
 */
final class ProviderJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private ProviderJson() {
    }

    static JsonObject list(List<ProviderView> providers) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        providers.forEach(p -> array.add(provider(p)));
        return JSON.createObjectBuilder().add("providers", array).add("count", providers.size()).build();
    }

    static JsonObject of(ProviderView p) {
        return provider(p).build();
    }

    private static JsonObjectBuilder provider(ProviderView p) {
        JsonObjectBuilder config = JSON.createObjectBuilder();
        p.maskedConfig().forEach(config::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", p.id())
                .add("name", p.name())
                .add("display_name", p.displayName())
                .add("provider_type", p.type().wireName())
                .add("is_default", p.isDefault())
                .add("use_for_embeddings", p.useForEmbeddings());
        if (p.embeddingModel() == null) {
            json.addNull("embedding_model");
        } else {
            json.add("embedding_model", p.embeddingModel());
        }
        return json.add("enabled", p.enabled())
                .add("config", config)
                .add("from_config", p.fromConfig())
                .add("read_only", p.fromConfig())
                .add("created_at", timestamp(p.createdAt()))
                .add("updated_at", timestamp(p.updatedAt()));
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
