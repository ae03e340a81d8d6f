package dev.fluxbase.ai.tools.http.entity;

import java.util.Map;

/**
 * Values a chatbot's requests to one domain carry without the LLM ever seeing them (an API key as a
 * query parameter or a header).
 */
public record HttpSecret(String chatbot, String domain, Map<String, String> query, Map<String, String> headers) {

    public HttpSecret {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "HttpSecret[" + chatbot + " -> " + domain + ", query " + query.keySet() + ", headers " + headers.keySet() + "]";
    }
}
