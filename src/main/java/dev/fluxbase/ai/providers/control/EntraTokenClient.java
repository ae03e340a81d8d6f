package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ProviderException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Fetches an access token from Microsoft Entra ID by the client-credentials grant. A refusal of the client (400 or
 * 401: a wrong secret, an unknown client or tenant) is an authentication failure; Entra ID's error code goes to the
 * log. Neither the secret nor a token is ever logged or put in a message.
 */
final class EntraTokenClient implements EntraTokens.Source {

    private static final Logger LOG = Logger.getLogger(EntraTokenClient.class.getName());
    static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
    static final String DEFAULT_SCOPE = "https://cognitiveservices.azure.com/.default";

    /** The client's credentials; {@link #toString()} leaves the secret out. */
    record Credentials(String tenantId, String clientId, String clientSecret, String scope) {
        @Override
        public String toString() {
            return "Credentials[tenantId=" + tenantId + ", clientId=" + clientId + ", scope=" + scope + "]";
        }
    }

    private final EntraTokenApi api;
    private final Credentials credentials;

    EntraTokenClient(EntraTokenApi api, Credentials credentials) {
        this.api = api;
        this.credentials = credentials;
    }

    @Override
    public EntraTokens.AccessToken fetch(Instant now) {
        Form form = new Form().param("grant_type", "client_credentials").param("client_id", credentials.clientId())
                .param("client_secret", credentials.clientSecret()).param("scope", credentials.scope());
        try (Response response = api.token(credentials.tenantId(), form)) {
            if (response.getStatus() >= 300) {
                throw refused(response.getStatus(), response.readEntity(String.class));
            }
            return token(response.readEntity(String.class), now);
        }
    }

    /** The token of Entra ID's answer, which expires {@code expires_in} seconds after {@code now}. */
    static EntraTokens.AccessToken token(String answer, Instant now) {
        JsonObject token = StreamChunks.parse(answer == null ? "" : answer);
        if (token == null || !(token.get("access_token") instanceof JsonString value) || value.getString().isBlank()) {
            throw ProviderException.of(ProviderException.Failure.AUTH, "Provider authentication failed: Entra ID sent no access token");
        }
        return new EntraTokens.AccessToken(value.getString(), now.plusSeconds(expiresIn(token)));
    }

    /** Entra ID's v2.0 endpoint sends a number, older ones sent text; without it the token is used once. */
    private static long expiresIn(JsonObject token) {
        if (token.get("expires_in") instanceof JsonNumber number) {
            return number.longValue();
        }
        try {
            return token.get("expires_in") instanceof JsonString text ? Long.parseLong(text.getString().strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ProviderException refused(int status, String body) {
        String reason = reason(body);
        LOG.warning(() -> "Entra ID refused a token to client " + credentials.clientId() + " of tenant " + credentials.tenantId()
                + " (HTTP " + status + "): " + reason);
        return status == 400 || status == 401 || status == 403
                ? ProviderException.forStatus(401, reason)
                : ProviderException.forStatus(status, "Entra ID: " + reason);
    }

    /** Entra ID's {@code error} code (such as {@code invalid_client}), which names no secret, unlike a description may echo input. */
    static String reason(String body) {
        JsonObject error = StreamChunks.parse(body == null ? "" : body);
        return error == null ? "no error code" : error.getString("error", "no error code");
    }
}
