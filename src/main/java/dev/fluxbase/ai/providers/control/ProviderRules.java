package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.entity.ProviderConfig;
import dev.fluxbase.ai.providers.entity.ProviderSettings;
import dev.fluxbase.ai.providers.entity.ProviderType;
import java.util.List;
import java.util.Map;

/** What a stored provider must satisfy before it is saved. */
final class ProviderRules {

    private static final int MAX_NAME = 100;
    private static final List<String> URL_KEYS = List.of(ProviderConfig.BASE_URL, ProviderConfig.ENDPOINT);

    private ProviderRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw RequestRejected.badRequest("Invalid request body: \"name\" is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw RequestRejected.badRequest("Provider name is longer than " + MAX_NAME + " characters");
        }
        if (trimmed.equalsIgnoreCase(ProviderSettings.CONFIG_NAME)) {
            throw exists(trimmed);
        }
        return trimmed;
    }

    static RequestRejected exists(String name) {
        return new RequestRejected(409, ErrorCodes.PROVIDER_EXISTS, "A provider named '" + name + "' already exists");
    }

    /** Required keys present and URLs usable; {@code config} is without the API key. */
    static void config(ProviderType type, Map<String, String> config) {
        for (String key : type.requiredKeys()) {
            if (ProviderConfig.value(config, key).isEmpty()) {
                throw RequestRejected.badRequest("A provider of type '" + type.wireName() + "' needs config." + key);
            }
        }
        for (String key : URL_KEYS) {
            ProviderConfig.value(config, key).ifPresent(url -> {
                try {
                    ProviderUrls.parse(url);
                } catch (IllegalArgumentException e) {
                    throw RequestRejected.badRequest("config." + key + " is " + e.getMessage());
                }
            });
        }
    }
}
