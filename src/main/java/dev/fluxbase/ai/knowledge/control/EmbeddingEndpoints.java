package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingEndpoint;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.providers.control.ApiKeyVault;
import dev.fluxbase.ai.providers.control.ProviderStore;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which provider endpoint embeds: {@code fluxbase.ai.embedding.*} when its type names a provider type,
 * otherwise the enabled stored provider marked {@code use_for_embeddings}; none when the type is
 * {@code local}, the built-in model. Looked up on every call, never cached at boot.
 */
@ApplicationScoped
public class EmbeddingEndpoints {

    private static final String PREFIX = "fluxbase.ai.embedding.";
    private static final Map<String, String> DEFAULT_MODELS = Map.of(
            "openai", "text-embedding-3-small", "azure", "text-embedding-ada-002", "ollama", "nomic-embed-text");

    @Inject
    Config config;

    @Inject
    ProviderStore providers;

    @Inject
    ApiKeyVault vault;

    public static final String LOCAL = "local";

    public Optional<EmbeddingEndpoint> current() {
        if (value("type").filter(LOCAL::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        return fromConfig().or(this::fromProvider);
    }

    private Optional<EmbeddingEndpoint> fromConfig() {
        return value("type").map(type -> {
            String model = value("model").orElse(DEFAULT_MODELS.getOrDefault(type, "text-embedding-3-small"));
            Optional<Integer> dimensions = value("dimensions").map(Integer::valueOf);
            return new EmbeddingEndpoint(type, value("base-url").orElse(defaultBaseUrl(type)), value("api-key").orElse(null),
                    new EmbeddingModel(model, dimensions.orElse(EmbeddingModels.dimensions(model).orElse(1536))),
                    value("deployment").orElse(model), value("api-version").orElse("2024-02-01"), dimensions.isPresent());
        });
    }

    private Optional<EmbeddingEndpoint> fromProvider() {
        return providers.all().stream().filter(p -> p.useForEmbeddings() && p.enabled()).findFirst().map(this::endpoint);
    }

    private EmbeddingEndpoint endpoint(StoredProvider provider) {
        String type = provider.type().wireName();
        Map<String, String> settings = provider.config();
        String model = Optional.ofNullable(provider.embeddingModel()).orElse(DEFAULT_MODELS.getOrDefault(type, "text-embedding-3-small"));
        String apiKey = provider.hasApiKey() ? vault.open(provider.apiKeyEncrypted(), provider.name(), provider.id().toString()) : null;
        String base = settings.getOrDefault("base_url", settings.getOrDefault("endpoint", defaultBaseUrl(type)));
        return new EmbeddingEndpoint(type, base, apiKey, new EmbeddingModel(model, EmbeddingModels.dimensions(model).orElse(1536)),
                settings.getOrDefault("embedding_deployment", settings.get("deployment_name")),
                settings.getOrDefault("api_version", "2024-02-01"), false);
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(PREFIX + key, String.class).filter(v -> !v.isBlank());
    }

    private static String defaultBaseUrl(String type) {
        return "ollama".equals(type) ? "http://localhost:11434" : "https://api.openai.com/v1";
    }
}
