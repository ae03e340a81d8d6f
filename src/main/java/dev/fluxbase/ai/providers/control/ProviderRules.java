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
    private static final List<String> URL_KEYS = List.of(ProviderConfig.BASE_URL, ProviderConfig.ENDPOINT, ProviderConfig.AUTHORITY_HOST);
    private static final List<String> ENTRA_KEYS = List.of(ProviderConfig.TENANT_ID, ProviderConfig.CLIENT_ID);
    // Beyond any model's window today; a typo with extra digits would make Ollama allocate the impossible.
    private static final int MAX_NUM_CTX = 2_097_152;

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

    /**
     * Required keys present, URLs usable, numbers numbers, Entra ID credentials complete.
     *
     * @param config          without the secrets
     * @param hasClientSecret whether the provider will have an Entra ID client secret
     */
    static void config(ProviderType type, Map<String, String> config, boolean hasClientSecret) {
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
        ProviderConfig.value(config, ProviderConfig.NUM_CTX).ifPresent(ProviderRules::numCtx);
        entraId(type, config, hasClientSecret);
    }

    /** Ollama's context window: a whole number of tokens. */
    static int numCtx(String value) {
        try {
            int tokens = Integer.parseInt(value.strip());
            if (tokens >= 1 && tokens <= MAX_NUM_CTX) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw RequestRejected.badRequest("config." + ProviderConfig.NUM_CTX + " must be a whole number of tokens from 1 to " + MAX_NUM_CTX);
    }

    /** Entra ID needs all three of tenant, client and secret, and only Azure signs in with it. */
    private static void entraId(ProviderType type, Map<String, String> config, boolean hasClientSecret) {
        long given = ENTRA_KEYS.stream().filter(key -> ProviderConfig.value(config, key).isPresent()).count() + (hasClientSecret ? 1 : 0);
        if (given == 0) {
            return;
        }
        if (type != ProviderType.AZURE) {
            throw RequestRejected.badRequest("Only azure providers sign in with Entra ID (tenant_id, client_id, client_secret)");
        }
        if (given < ENTRA_KEYS.size() + 1) {
            throw RequestRejected.badRequest("Entra ID needs config.tenant_id, config.client_id and config.client_secret together");
        }
    }
}
