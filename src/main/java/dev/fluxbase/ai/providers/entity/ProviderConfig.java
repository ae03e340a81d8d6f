package dev.fluxbase.ai.providers.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's settings as the admin API carries them: string keys and values (the SDK stringifies).
 * The API key travels here in requests only; it is stored encrypted apart from the rest and comes
 * back masked.
 */
public final class ProviderConfig {

    public static final String API_KEY = "api_key";
    public static final String MODEL = "model";
    public static final String BASE_URL = "base_url";
    public static final String ORGANIZATION_ID = "organization_id";
    public static final String ENDPOINT = "endpoint";
    public static final String DEPLOYMENT_NAME = "deployment_name";
    public static final String API_VERSION = "api_version";
    public static final String MASK = "***masked***";

    private ProviderConfig() {
    }

    /** The config as a response shows it: sorted, with the key (if any) masked. */
    public static Map<String, String> masked(Map<String, String> config, boolean hasApiKey) {
        Map<String, String> shown = new TreeMap<>(config);
        shown.remove(API_KEY);
        if (hasApiKey) {
            shown.put(API_KEY, MASK);
        }
        return shown;
    }

    /** Values that mean "nothing" to the SDK and the reference server. */
    public static boolean isBlank(String value) {
        return value == null || value.isBlank() || value.equals("undefined") || value.equals("null");
    }

    public static Optional<String> value(Map<String, String> config, String key) {
        return Optional.ofNullable(config.get(key)).filter(v -> !isBlank(v)).map(String::strip);
    }

    /** A copy without blank values. */
    public static Map<String, String> withoutBlanks(Map<String, String> config) {
        Map<String, String> copy = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (!isBlank(v)) {
                copy.put(k, v.strip());
            }
        });
        return copy;
    }
}
