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
    OPENAI("openai", List.of(), true),
    AZURE("azure", List.of(ProviderConfig.ENDPOINT, ProviderConfig.DEPLOYMENT_NAME), true),
    OLLAMA("ollama", List.of(ProviderConfig.MODEL), true),
    ANTHROPIC("anthropic", List.of(), false),
    GEMINI("gemini", List.of(), false);

    private final String wireName;
    private final List<String> requiredKeys;
    private final boolean embeds;

    ProviderType(String wireName, List<String> requiredKeys, boolean embeds) {
        this.wireName = wireName;
        this.requiredKeys = requiredKeys;
        this.embeds = embeds;
    }

    /** Whether the knowledge bases can embed through a provider of this type (the embedding client speaks the first three). */
    public boolean embeds() {
        return embeds;
    }

    public String wireName() {
        return wireName;
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
