package dev.fluxbase.ai.providers.boundary;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderChanges;
import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderDraft;
import dev.fluxbase.ai.providers.entity.ProviderType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads provider requests as the SDK sends them. Config values arrive as strings; numbers and
 * booleans are taken as their text, as the reference server does.
 */
final class ProviderRequests {

    private ProviderRequests() {
    }

    static ProviderDraft draft(JsonFields json) {
        ProviderType type = ProviderType.parse(json.text("provider_type").orElse(""))
                .orElseThrow(() -> RequestRejected.badRequest("Invalid provider type. Must be one of "
                        + ProviderType.quotedNames()));
        Map<String, String> config = new LinkedHashMap<>();
        configPatch(json).forEach((key, value) -> value.ifPresent(v -> config.put(key, v)));
        return new ProviderDraft(json.text("name").orElse(null), json.text("display_name").orElse(null), type,
                json.bool("is_default").orElse(false), json.bool("enabled").orElse(true),
                json.nonBlankText("embedding_model").orElse(null), config);
    }

    static ProviderChanges changes(JsonFields json) {
        Optional<Optional<String>> embeddingModel = json.has("embedding_model")
                ? Optional.of(json.nonBlankText("embedding_model"))
                : Optional.empty();
        return new ProviderChanges(json.text("display_name"), configPatch(json), json.bool("enabled"), embeddingModel);
    }

    /** Every config key with its value; empty where the value is blank or null (on update: remove it). */
    private static Map<String, Optional<String>> configPatch(JsonFields json) {
        Map<String, Optional<String>> patch = new LinkedHashMap<>();
        json.fields("config").ifPresent(config -> config.keys().forEach(key ->
                patch.put(key, config.scalarText(key).filter(v -> !ProviderConfig.isBlank(v)).map(String::strip))));
        return patch;
    }
}
