package dev.fluxbase.ai.providers.boundary;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderChanges;
import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderDraft;
import dev.fluxbase.ai.providers.entity.ProviderType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

    static ProviderDraft draft(JsonObject json) {
        ProviderType type = ProviderType.parse(string(json, "provider_type").orElse(""))
                .orElseThrow(() -> RequestRejected.badRequest("Invalid provider type. Must be 'openai', 'azure', or 'ollama'"));
        Map<String, String> config = new LinkedHashMap<>();
        configPatch(json).forEach((key, value) -> value.ifPresent(v -> config.put(key, v)));
        return new ProviderDraft(string(json, "name").orElse(null), string(json, "display_name").orElse(null), type,
                bool(json, "is_default").orElse(false), bool(json, "enabled").orElse(true),
                string(json, "embedding_model").filter(m -> !m.isBlank()).orElse(null), config);
    }

    static ProviderChanges changes(JsonObject json) {
        Optional<Optional<String>> embeddingModel = json.containsKey("embedding_model")
                ? Optional.of(string(json, "embedding_model").filter(m -> !m.isBlank()))
                : Optional.empty();
        return new ProviderChanges(string(json, "display_name"), configPatch(json), bool(json, "enabled"), embeddingModel);
    }

    /** Every config key with its value; empty where the value is blank or null (on update: remove it). */
    private static Map<String, Optional<String>> configPatch(JsonObject json) {
        JsonValue config = json.get("config");
        if (config == null || config == JsonValue.NULL) {
            return Map.of();
        }
        if (!(config instanceof JsonObject object)) {
            throw RequestRejected.badRequest("Invalid request body: \"config\" must be an object of strings");
        }
        Map<String, Optional<String>> patch = new LinkedHashMap<>();
        object.forEach((key, value) -> patch.put(key, text(key, value).filter(v -> !ProviderConfig.isBlank(v)).map(String::strip)));
        return patch;
    }

    private static Optional<String> text(String key, JsonValue value) {
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value.toString());
        }
        if (value == JsonValue.NULL) {
            return Optional.empty();
        }
        throw RequestRejected.badRequest("Invalid request body: config." + key + " must be a string");
    }

    private static Optional<String> string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw RequestRejected.badRequest("Invalid request body: \"" + key + "\" must be a string");
        }
        return Optional.of(s.getString());
    }

    private static Optional<Boolean> bool(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw RequestRejected.badRequest("Invalid request body: \"" + key + "\" must be true or false");
        }
        return Optional.of(value == JsonValue.TRUE);
    }
}
