package dev.fluxbase.ai.providers.entity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Ollama's context window in tokens. */
    public static final String NUM_CTX = "num_ctx";
    /** Azure's Entra ID client credentials; the secret is kept like an API key. */
    public static final String TENANT_ID = "tenant_id";
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    /** Where Entra ID tokens come from: {@code https://login.microsoftonline.com} unless a national cloud. */
    public static final String AUTHORITY_HOST = "authority_host";
    /** What the Entra ID token is for: {@code https://cognitiveservices.azure.com/.default} unless a national cloud. */
    public static final String SCOPE = "scope";
    /** The settings stored encrypted and shown masked. */
    public static final List<String> SECRET_KEYS = List.of(API_KEY, CLIENT_SECRET);
    public static final String MASK = "***masked***";

    private ProviderConfig() {
    }

    /** The config as a response shows it: sorted, with the secrets that are stored masked and no others. */
    public static Map<String, String> masked(Map<String, String> config, Collection<String> storedSecrets) {
        Map<String, String> shown = new TreeMap<>(config);
        shown.keySet().removeAll(SECRET_KEYS);
        storedSecrets.forEach(key -> shown.put(key, MASK));
        return shown;
    }

    /** A config with its secrets in plaintext as a response shows it: the secrets masked. */
    public static Map<String, String> masked(Map<String, String> config) {
        return masked(config, SECRET_KEYS.stream().filter(key -> value(config, key).isPresent()).toList());
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
