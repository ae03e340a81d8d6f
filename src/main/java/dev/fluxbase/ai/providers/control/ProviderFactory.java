package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.entity.ProviderConfig.API_KEY;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.API_VERSION;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.AUTHORITY_HOST;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.BASE_URL;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.CLIENT_ID;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.CLIENT_SECRET;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.DEPLOYMENT_NAME;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.ENDPOINT;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.MODEL;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.NUM_CTX;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.ORGANIZATION_ID;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.SCOPE;
import static dev.fluxbase.ai.providers.entity.ProviderConfig.TENANT_ID;

import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the streaming client of a provider from its settings. A REST client is costly to build, so
 * one is kept per provider and rebuilt as soon as its settings differ: a changed key, model or URL
 * applies to the next turn without any cache to invalidate.
 */
@ApplicationScoped
public class ProviderFactory {

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.connect-timeout-ms", defaultValue = "10000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.first-token-timeout-ms", defaultValue = "60000")
    long firstTokenTimeoutMs;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.provider.idle-timeout-ms", defaultValue = "60000")
    long idleTimeoutMs;

    @Inject
    ServerClock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private ExecutorService readers;
    private StreamingCall call;
    private StreamTimeouts timeouts;

    private record Built(ProviderSettings settings, ChatProvider provider) {
    }

    @PostConstruct
    void init() {
        // One reader thread per open stream: a bounded pool would make streams wait for each other.
        readers = Executors.newCachedThreadPool(threads);
        timeouts = new StreamTimeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(firstTokenTimeoutMs),
                Duration.ofMillis(idleTimeoutMs));
        call = new StreamingCall(readers, timeouts);
    }

    @PreDestroy
    void shutdown() {
        readers.shutdownNow();
    }

    public ChatProvider providerFor(ProviderSettings settings) {
        Built current = built.get(settings.id());
        if (current != null && current.settings().equals(settings)) {
            return current.provider();
        }
        // One build per provider at a time: the first turns after a boot or a change wait for it rather
        // than each building a client, which under load kept hundreds of turns building for seconds.
        return built.compute(settings.id(), (id, old) -> old != null && old.settings().equals(settings)
                ? old : new Built(settings, build(settings))).provider();
    }

    /** Forgets the clients of providers that no longer exist. */
    public void retainOnly(Collection<String> ids) {
        built.keySet().retainAll(ids);
    }

    private ChatProvider build(ProviderSettings s) {
        String apiKey = s.value(API_KEY).orElse(null);
        try {
            return switch (s.type()) {
                case OPENAI -> new OpenAiProvider(s.name(), s.value(MODEL).orElse(ProviderDefaults.OPENAI_MODEL), apiKey,
                        s.value(ORGANIZATION_ID).orElse(null),
                        client(OpenAiChatApi.class, s.value(BASE_URL).orElse(ProviderDefaults.OPENAI_BASE_URL)), call);
                case AZURE -> azure(s, apiKey);
                case OLLAMA -> new OllamaProvider(s.name(), required(s, MODEL), apiKey, numCtx(s),
                        client(OllamaChatApi.class, s.value(ENDPOINT).orElse(ProviderDefaults.OLLAMA_ENDPOINT)), call);
                case ANTHROPIC -> new AnthropicProvider(s.name(), s.value(MODEL).orElse(ProviderDefaults.ANTHROPIC_MODEL), apiKey,
                        s.value(API_VERSION).orElse(ProviderDefaults.ANTHROPIC_VERSION),
                        client(AnthropicMessagesApi.class, s.value(BASE_URL).orElse(ProviderDefaults.ANTHROPIC_BASE_URL)), call);
                case GEMINI -> new GeminiProvider(s.name(), s.value(MODEL).orElse(ProviderDefaults.GEMINI_MODEL), apiKey,
                        client(GeminiApi.class, s.value(BASE_URL).orElse(ProviderDefaults.GEMINI_BASE_URL)), call);
            };
        } catch (IllegalArgumentException | RequestRejected e) {
            return new MisconfiguredProvider(s.name(), "Provider '" + s.name() + "' is misconfigured: " + e.getMessage());
        }
    }

    private ChatProvider azure(ProviderSettings s, String apiKey) {
        AzureOpenAiProvider.Deployment deployment = new AzureOpenAiProvider.Deployment(required(s, DEPLOYMENT_NAME),
                s.value(API_VERSION).orElse(ProviderDefaults.AZURE_API_VERSION));
        EntraTokens entra = s.value(TENANT_ID).or(() -> s.value(CLIENT_ID)).or(() -> s.value(CLIENT_SECRET)).isEmpty() ? null
                : new EntraTokens(new EntraTokenClient(client(EntraTokenApi.class, s.value(AUTHORITY_HOST).orElse(EntraTokenClient.DEFAULT_AUTHORITY_HOST)),
                        new EntraTokenClient.Credentials(required(s, TENANT_ID), required(s, CLIENT_ID), required(s, CLIENT_SECRET),
                                s.value(SCOPE).orElse(EntraTokenClient.DEFAULT_SCOPE))), clock::now);
        return new AzureOpenAiProvider(s.name(), deployment, s.value(MODEL).orElse(null), apiKey, entra,
                client(AzureChatApi.class, required(s, ENDPOINT)), call);
    }

    private static int numCtx(ProviderSettings settings) {
        return settings.value(NUM_CTX).map(ProviderRules::numCtx).orElse(ProviderDefaults.OLLAMA_NUM_CTX);
    }

    private static String required(ProviderSettings settings, String key) {
        return settings.value(key).orElseThrow(() -> new IllegalArgumentException("missing " + key));
    }

    private <T> T client(Class<T> api, String baseUrl) {
        return RestClientBuilder.newBuilder()
                .baseUri(ProviderUrls.parse(baseUrl))
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.socketRead().toMillis(), TimeUnit.MILLISECONDS)
                // Error statuses come back as responses: ProviderResponses maps them.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api);
    }
}
