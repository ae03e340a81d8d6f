package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.control.Terminal;
import dev.fluxbase.ai.platform.entity.SchemaReady;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Says at start which provider chats go to, or that none is set and how to set one: a first run without one
 * would otherwise only show {@code NO_PROVIDER} at the first question.
 */
@ApplicationScoped
public class ProviderAnnouncement {

    private static final Logger LOG = Logger.getLogger(ProviderAnnouncement.class.getName());
    static final String NONE = "No LLM provider is configured: chats end with NO_PROVIDER until one is. Set OPENAI_API_KEY"
            + " (with OPENAI_BASE_URL for another OpenAI-compatible server), ANTHROPIC_API_KEY, GEMINI_API_KEY or OLLAMA_HOST, or"
            + " FLUXBASE_AI_PROVIDER_TYPE and its settings, or add one in the console (README: Providers).";

    @Inject
    ProviderSelector selector;

    @Inject
    ConfiguredProvider configured;

    @Inject
    Config config;

    void announce(@Observes SchemaReady ready) {
        Terminal.announce(LOG, describe());
    }

    String describe() {
        String name;
        String model;
        try {
            ChatProvider provider = selector.providerNamed(null);
            name = provider.name();
            model = provider.model();
        } catch (ProviderException e) {
            return NONE;
        }
        Optional<ProviderSettings> fromConfig = configured.settings().filter(s -> s.name().equals(name));
        if (fromConfig.isEmpty()) {
            return "LLM provider: '" + name + "' (stored through the admin API), model " + model;
        }
        ProviderSettings settings = fromConfig.get();
        String url = settings.value(ProviderConfig.BASE_URL).or(() -> settings.value(ProviderConfig.ENDPOINT)).orElse("its default URL");
        String source = config.getOptionalValue(ConventionalProviderVariables.SOURCE_KEY, String.class).orElse("FLUXBASE_AI_PROVIDER_TYPE");
        return "LLM provider: " + settings.type().wireName() + " at " + url + ", model " + model + " (from " + source + ")";
    }
}
