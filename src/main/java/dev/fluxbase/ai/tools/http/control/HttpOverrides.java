package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.http.entity.HttpSecret;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operator settings of http_get: static host pinning ({@code fluxbase.http.resolve}, like curl's
 * --resolve: {@code host:address,host:address}) and per-chatbot secrets ({@code fluxbase.http.secrets},
 * a JSON array of {chatbot, domain, query: {...}, headers: {...}}). Secret values are never logged.
 */
@ApplicationScoped
public class HttpOverrides {

    private static final Logger LOG = Logger.getLogger(HttpOverrides.class.getName());

    @Inject
    @ConfigProperty(name = "fluxbase.http.resolve")
    Optional<String> resolve;

    @Inject
    @ConfigProperty(name = "fluxbase.http.secrets")
    Optional<String> secretsJson;

    private Map<String, String> hosts;
    private List<HttpSecret> secrets;

    @PostConstruct
    void read() {
        hosts = parseHosts(resolve.orElse(""));
        secrets = parseSecrets(secretsJson.orElse(""));
    }

    Map<String, String> hosts() {
        return hosts;
    }

    public List<HttpSecret> secretsFor(String chatbot) {
        return secrets.stream().filter(secret -> secret.chatbot().equals(chatbot)).toList();
    }

    static Map<String, String> parseHosts(String text) {
        Map<String, String> pinned = new HashMap<>();
        for (String entry : text.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                pinned.put(HostAllowList.normalise(entry.substring(0, colon)), entry.substring(colon + 1).strip());
            }
        }
        return Map.copyOf(pinned);
    }

    static List<HttpSecret> parseSecrets(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        try {
            return JsonFactories.readArray(json).getValuesAs(JsonObject.class).stream()
                    .map(o -> new HttpSecret(o.getString("chatbot"), o.getString("domain"), strings(o, "query"), strings(o, "headers")))
                    .toList();
        } catch (JsonException | ClassCastException | NullPointerException e) {
            LOG.severe("fluxbase.http.secrets is not a JSON array of {chatbot, domain, query, headers}; no secrets are used");
            return List.of();
        }
    }

    private static Map<String, String> strings(JsonObject object, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object.get(key) instanceof JsonObject map) {
            map.forEach((name, value) -> values.put(name, value instanceof JsonString s ? s.getString() : value.toString()));
        }
        return values;
    }
}
