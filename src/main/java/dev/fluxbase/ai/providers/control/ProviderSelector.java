package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.ProviderException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the provider for a chat turn. For now that is the read-only provider from configuration
 * ({@code fluxbase.ai.provider.*}); without one, a turn fails with {@code NO_PROVIDER}.
 */
@ApplicationScoped
public class ProviderSelector {

    private static final String DEFAULT_OPENAI_URL = "https://api.openai.com/v1";

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.type")
    Optional<String> type;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.model", defaultValue = "gpt-4o-mini")
    String model;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.connect-timeout-ms", defaultValue = "10000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.idle-timeout-ms", defaultValue = "60000")
    long idleTimeoutMs;

    private ChatProvider configured;

    @PostConstruct
    void init() {
        configured = type.map(t -> t.toLowerCase(Locale.ROOT)).filter("openai"::equals)
                .map(t -> new OpenAiProvider("config", URI.create(baseUrl.orElse(DEFAULT_OPENAI_URL)), apiKey.orElse(null), model,
                        Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(idleTimeoutMs)))
                .orElse(null);
    }

    public ChatProvider providerFor(ChatbotDefinition chatbot) {
        if (configured == null) {
            throw new ProviderException(ProviderException.NO_PROVIDER, "No AI provider configured");
        }
        return configured;
    }
}
