package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the {@link FakeLlmServer} received it. {@code path} is decoded, {@code query} is raw
 * (null if absent), header names are lowercase; {@code clientPort} tells the connections apart.
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body, Instant receivedAt, int clientPort) {

    public RecordedRequest {
        headers = lowercaseKeys(headers);
    }

    /** First value of the header, case-insensitive; null if absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body parsed as a JSON object. */
    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** First value of a query parameter, decoded (e.g. Azure's {@code api-version}); null if absent. */
    public String queryParameter(String name) {
        return parameter(query, name);
    }

    /** First value of a parameter of a form-encoded body (e.g. an OAuth token request), decoded; null if absent. */
    public String formParameter(String name) {
        return parameter(body, name);
    }

    private static String parameter(String encoded, String name) {
        if (encoded == null) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> lowercaseKeys(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> result
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        result.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(result);
    }
}
