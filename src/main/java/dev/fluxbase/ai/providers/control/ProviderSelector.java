package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.control.ConfigChanges;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.GenerationCache;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.StoredProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the provider of a chat turn (see {@link ProviderChoice}) or of entity extraction. The stored providers are read once
 * per generation of the configuration ({@link ConfigChanges}), so that a change applies to the next turn
 * here and, as soon as the database has announced it, on every other instance. The provider it returns
 * retries and, when {@code fluxbase.ai.failover} is on, falls back to the other providers.
 */
@ApplicationScoped
public class ProviderSelector {

    @Inject
    ProviderStore store;

    @Inject
    ConfiguredProvider configured;

    @Inject
    StoredSettings storedSettings;

    @Inject
    ProviderFactory factory;

    @Inject
    ProviderMetrics metrics;

    @Inject
    ConfigChanges changes;

    private final GenerationCache<String, List<StoredProvider>> storedProviders = new GenerationCache<>();

    // Off by default: a chatbot pinned to a private model must not reach another provider unless asked.
    @Inject
    @ConfigProperty(name = "fluxbase.ai.failover", defaultValue = "false")
    boolean failover;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.max-retries", defaultValue = "2")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.retry-delay-ms", defaultValue = "500")
    long retryDelayMs;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.max-retry-delay-ms", defaultValue = "10000")
    long maxRetryDelayMs;

    /** The configuration provider's client is built at boot, so that the first turns do not pay for it. */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object application) {
        configured.settings().ifPresent(factory::providerFor);
    }

    /** The chatbot's provider, asked for the chatbot's model ({@code @fluxbase:model}) when it names one. */
    public ChatProvider providerFor(ChatbotDefinition chatbot) {
        return chosen(chatbot.providerId() == null ? null : chatbot.providerId().toString(), chatbot.settings().modelChoice().provider(),
                false, chatbot.settings().modelChoice().model());
    }

    /**
     * The provider of work done for no chatbot, such as entity extraction: the enabled provider of that name, else
     * (name null) the default. Unlike a chatbot's choice, a name that matches no enabled provider is an error
     * ({@code NO_PROVIDER}) rather than a silent fall-back: the admin chose where the documents go.
     */
    public ChatProvider providerNamed(String name) {
        return chosen(null, name, name != null, null);
    }

    private ChatProvider chosen(String chosenId, String chosenName, boolean nameRequired, String model) {
        List<StoredProvider> stored = storedProviders.get("all", changes.generation(), all -> store.all());
        List<StoredProvider> enabled = stored.stream().filter(StoredProvider::enabled)
                .sorted(Comparator.comparing(StoredProvider::name)).toList();
        Map<String, StoredProvider> byId = enabled.stream().collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
        List<ProviderChoice.Option> options = enabled.stream().map(p -> new ProviderChoice.Option(p.id().toString(), p.name(), p.isDefault()))
                .toList();
        Optional<ProviderChoice.Option> fromConfig = configured.settings().map(s -> new ProviderChoice.Option(s.id(), s.name(), false));
        if (nameRequired) {
            requireNamed(chosenName, Stream.concat(options.stream(), fromConfig.stream()));
        }
        List<String> ids = ProviderChoice.candidates(chosenId, chosenName, options, fromConfig, failover);
        Set<String> existing = stored.stream().map(p -> p.id().toString()).collect(Collectors.toCollection(HashSet::new));
        existing.add(ProviderSettings.CONFIG_ID);
        factory.retainOnly(existing);
        List<ChatProvider> candidates = ids.stream().map(id -> metrics.observed(provider(id, byId))).toList();
        return new ResilientProvider(candidates, new RetryPolicy(Math.max(0, maxRetries), Duration.ofMillis(retryDelayMs),
                Duration.ofMillis(maxRetryDelayMs)), Pause.CANCELLABLE, model);
    }

    private static void requireNamed(String name, Stream<ProviderChoice.Option> options) {
        if (options.noneMatch(o -> o.name().equals(name))) {
            throw new ProviderException(ErrorCodes.NO_PROVIDER, "No enabled AI provider named '" + name + "'");
        }
    }

    private ChatProvider provider(String id, Map<String, StoredProvider> byId) {
        if (ProviderSettings.CONFIG_ID.equals(id)) {
            return factory.providerFor(configured.settings().orElseThrow());
        }
        StoredProvider stored = byId.get(id);
        try {
            return factory.providerFor(storedSettings.of(stored));
        } catch (ProviderException e) {
            return new MisconfiguredProvider(stored.name(), e.getMessage());
        }
    }
}
