package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ProviderException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** Turns a provider's HTTP response into its body stream, or into our error for its status. */
final class ProviderResponses {

    private static final int MAX_DETAIL = 300;

    private ProviderResponses() {
    }

    /** The body of a 2xx response; closing it closes the response. Any other status throws. */
    static InputStream body(Response response) {
        if (response.getStatus() >= 300) {
            try {
                String text = text(response);
                throw ProviderException.forStatus(refusesKey(text) ? 401 : response.getStatus(), detail(text),
                        RetryAfter.parse(response.getHeaderString("retry-after-ms"), response.getHeaderString("Retry-After"), Instant.now())
                                .orElse(null));
            } finally {
                response.close();
            }
        }
        return new FilterInputStream(response.readEntity(InputStream.class)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    private static String text(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Google answers a wrong API key with 400 and the reason {@code API_KEY_INVALID}: an authentication failure all the same. */
    private static boolean refusesKey(String text) {
        return text.contains("\"API_KEY_INVALID\"");
    }

    /** The provider's own words: OpenAI's, Anthropic's and Google's {@code error.message}, Ollama's {@code error}, or the text. */
    private static String detail(String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            JsonObject body = JsonFactories.readObject(text);
            if (body.get("error") instanceof JsonObject error) {
                return shorten(error.getString("message", ""));
            }
            if (body.get("error") instanceof JsonString error) {
                return shorten(error.getString());
            }
        } catch (RuntimeException e) {
            // not JSON: the text itself
        }
        return shorten(text.strip());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
