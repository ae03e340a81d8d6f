package dev.fluxbase.ai.providers.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The provider that the variables other tools read means, when no {@code fluxbase.ai.provider.type} is set:
 * {@code OPENAI_API_KEY} (with {@code OPENAI_BASE_URL} for any OpenAI-compatible server and {@code OPENAI_MODEL}),
 * else {@code ANTHROPIC_API_KEY} (with {@code ANTHROPIC_BASE_URL}, {@code ANTHROPIC_MODEL}), else {@code GEMINI_API_KEY}
 * or {@code GOOGLE_API_KEY} (with {@code GEMINI_MODEL}), else {@code OLLAMA_HOST} (with {@code OLLAMA_MODEL}). So a machine that already works with those tools answers
 * on the first run. Its ordinal sits below the environment's and the system properties', so any
 * {@code FLUXBASE_AI_PROVIDER_*} variable still wins for its own key; a set {@code FLUXBASE_AI_PROVIDER_TYPE}, even
 * empty, turns this source off, as the operator chose.
 */
public class ConventionalProviderVariables implements ConfigSource {

    /** Between microprofile-config.properties (100) and the environment (300). */
    static final int ORDINAL = 250;
    /** Which variable the provider came from, for the line that says at start which provider answers. */
    public static final String SOURCE_KEY = "fluxbase.ai.provider.source-variable";
    private static final String PREFIX = "fluxbase.ai.provider.";
    private static final int OLLAMA_PORT = 11434;

    private final Map<String, String> properties;

    public ConventionalProviderVariables() {
        this(System::getenv, System.getProperty(PREFIX + "type") != null);
    }

    ConventionalProviderVariables(Function<String, String> environment, boolean typeSetElsewhere) {
        this.properties = typeSetElsewhere || environment.apply("FLUXBASE_AI_PROVIDER_TYPE") != null ? Map.of()
                : Map.copyOf(fromEnvironment(environment));
    }

    private static Map<String, String> fromEnvironment(Function<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> openAiKey = nonBlank(environment, "OPENAI_API_KEY");
        Optional<String> anthropicKey = nonBlank(environment, "ANTHROPIC_API_KEY");
        Optional<String> geminiKeyName = Stream.of("GEMINI_API_KEY", "GOOGLE_API_KEY").filter(name -> nonBlank(environment, name).isPresent())
                .findFirst();
        Optional<String> ollamaHost = nonBlank(environment, "OLLAMA_HOST");
        if (openAiKey.isPresent()) {
            keyed(values, "openai", openAiKey.get(), "OPENAI_API_KEY");
            nonBlank(environment, "OPENAI_BASE_URL").ifPresent(url -> values.put(PREFIX + "base-url", url));
            nonBlank(environment, "OPENAI_MODEL").ifPresent(model -> values.put(PREFIX + "model", model));
        } else if (anthropicKey.isPresent()) {
            keyed(values, "anthropic", anthropicKey.get(), "ANTHROPIC_API_KEY");
            nonBlank(environment, "ANTHROPIC_BASE_URL").ifPresent(url -> values.put(PREFIX + "base-url", url));
            nonBlank(environment, "ANTHROPIC_MODEL").ifPresent(model -> values.put(PREFIX + "model", model));
        } else if (geminiKeyName.isPresent()) {
            keyed(values, "gemini", nonBlank(environment, geminiKeyName.get()).orElseThrow(), geminiKeyName.get());
            nonBlank(environment, "GEMINI_MODEL").ifPresent(model -> values.put(PREFIX + "model", model));
        } else if (ollamaHost.isPresent()) {
            values.put(PREFIX + "type", "ollama");
            values.put(PREFIX + "base-url", ollamaUrl(ollamaHost.get()));
            nonBlank(environment, "OLLAMA_MODEL").ifPresent(model -> values.put(PREFIX + "model", model));
            values.put(SOURCE_KEY, "OLLAMA_HOST");
        }
        return values;
    }

    private static void keyed(Map<String, String> values, String type, String key, String variable) {
        values.put(PREFIX + "type", type);
        values.put(PREFIX + "api-key", key);
        values.put(SOURCE_KEY, variable);
    }

    /** Ollama's own reading of {@code OLLAMA_HOST}: scheme http and port 11434 unless given. */
    static String ollamaUrl(String host) {
        String url = host.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        String authority = url.substring(url.indexOf("://") + 3).split("/", 2)[0];
        boolean hasPort = authority.startsWith("[") ? authority.contains("]:") : authority.contains(":");
        if (!hasPort) {
            int end = url.indexOf("://") + 3 + authority.length();
            url = url.substring(0, end) + ":" + OLLAMA_PORT + url.substring(end);
        }
        return url;
    }

    private static Optional<String> nonBlank(Function<String, String> environment, String name) {
        return Optional.ofNullable(environment.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "conventional provider variables (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, OLLAMA_HOST)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
