package dev.fluxbase.ai.providers.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of LLM provider, with the config keys each one cannot work without. */
public enum ProviderType {
    OPENAI("openai", List.of()),
    AZURE("azure", List.of(ProviderConfig.ENDPOINT, ProviderConfig.DEPLOYMENT_NAME)),
    OLLAMA("ollama", List.of(ProviderConfig.MODEL));

    private final String wireName;
    private final List<String> requiredKeys;

    ProviderType(String wireName, List<String> requiredKeys) {
        this.wireName = wireName;
        this.requiredKeys = requiredKeys;
    }

    public String wireName() {
        return wireName;
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    public static Optional<ProviderType> parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
