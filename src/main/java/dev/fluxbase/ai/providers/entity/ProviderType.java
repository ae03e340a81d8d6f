package dev.fluxbase.ai.providers.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of LLM provider, with the config keys each one cannot work without. */
public enum ProviderType {
    OPENAI("openai", List.of(), "openai"),
    AZURE("azure", List.of(ProviderConfig.ENDPOINT, ProviderConfig.DEPLOYMENT_NAME), "azure.ai.openai"),
    OLLAMA("ollama", List.of(ProviderConfig.MODEL), "ollama");

    private final String wireName;
    private final List<String> requiredKeys;
    private final String telemetryName;

    ProviderType(String wireName, List<String> requiredKeys, String telemetryName) {
        this.wireName = wireName;
        this.requiredKeys = requiredKeys;
        this.telemetryName = telemetryName;
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

    public static Optional<ProviderType> parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
