package dev.fluxbase.ai.providers.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of LLM provider, with the config keys each one cannot work without. Anthropic and Gemini are ours:
 * the Fluxbase SDK's type knows only the first three, but passes any name through.
 */
public enum ProviderType {
    OPENAI("openai", List.of(), true, "openai"),
    AZURE("azure", List.of(ProviderConfig.ENDPOINT, ProviderConfig.DEPLOYMENT_NAME), true, "azure.ai.openai"),
    OLLAMA("ollama", List.of(ProviderConfig.MODEL), true, "ollama"),
    ANTHROPIC("anthropic", List.of(), false, "anthropic"),
    GEMINI("gemini", List.of(), false, "gcp.gemini");

    private final String wireName;
    private final List<String> requiredKeys;
    private final boolean embeds;
    private final String telemetryName;

    ProviderType(String wireName, List<String> requiredKeys, boolean embeds, String telemetryName) {
        this.wireName = wireName;
        this.requiredKeys = requiredKeys;
        this.embeds = embeds;
        this.telemetryName = telemetryName;
    }

    /** Whether the knowledge bases can embed through a provider of this type (the embedding client speaks the first three). */
    public boolean embeds() {
        return embeds;
    }

    public String wireName() {
        return wireName;
    }

    /** Its {@code gen_ai.provider.name}: a well-known value of the GenAI conventions where there is one (Ollama has none). */
    public String telemetryName() {
        return telemetryName;
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    /** The wire names for messages: {@code 'openai', 'azure', ...}. */
    public static String quotedNames() {
        return String.join(", ", Arrays.stream(values()).map(t -> "'" + t.wireName + "'").toList());
    }

    public static Optional<ProviderType> parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
