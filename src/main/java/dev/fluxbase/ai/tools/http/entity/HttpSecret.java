package dev.fluxbase.ai.tools.http.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Values a chatbot's requests to one domain carry without the LLM ever seeing them (an API key as a
 * query parameter or a header). A value may name settings, secret ones too ({@code {{system:weather.api_key}}}),
 * resolved for each request.
 */
public record HttpSecret(String chatbot, String domain, Map<String, String> query, Map<String, String> headers) {

    public HttpSecret {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The same secret with each query and header value passed through {@code resolve} (settings placeholders in them). */
    public HttpSecret withValues(UnaryOperator<String> resolve) {
        Map<String, String> resolvedQuery = new LinkedHashMap<>();
        query.forEach((name, value) -> resolvedQuery.put(name, resolve.apply(value)));
        Map<String, String> resolvedHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> resolvedHeaders.put(name, resolve.apply(value)));
        return new HttpSecret(chatbot, domain, resolvedQuery, resolvedHeaders);
    }

    @Override
    public String toString() {
        return "HttpSecret[" + chatbot + " -> " + domain + ", query " + query.keySet() + ", headers " + headers.keySet() + "]";
    }
}
