package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Microsoft Entra ID's token endpoint as the {@link FakeLlmServer} plays it: {@code POST /{tenant}/oauth2/v2.0/token}
 * with the client-credentials grant. The one client it knows gets {@code entra-token-<n>}, a new one per request,
 * valid {@code expires_in} seconds; anything else gets Entra ID's {@code invalid_client} (401) or
 * {@code invalid_request} (400). Azure requests that carry an issued token pass the fake's key check.
 */
public final class FakeEntraId {

    static final Pattern PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");

    /** The status and JSON body of an answer. */
    record Answer(int status, String body) {
    }

    /** The client the endpoint knows; null: none. */
    private record Client(String tenant, String clientId, String secret, String scope, long expiresInSeconds) {
    }

    private final AtomicInteger issuedCount = new AtomicInteger();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile Client client;

    /** From now on {@code clientId} with {@code secret} of {@code tenant} gets tokens for {@code scope}. */
    public void register(String tenant, String clientId, String secret, String scope, long expiresInSeconds) {
        client = new Client(tenant, clientId, secret, scope, expiresInSeconds);
    }

    /** Tokens issued since the last reset. */
    public int tokensIssued() {
        return issuedCount.get();
    }

    /** The {@code n}-th token issued (from 1). */
    public static String token(int n) {
        return "entra-token-" + n;
    }

    void reset() {
        client = null;
        issued.clear();
        issuedCount.set(0);
    }

    boolean issued(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") && issued.contains(authorization.substring(7));
    }

    Answer answer(RecordedRequest request) {
        Client known = client;
        String tenant = PATH.matcher(request.path()).replaceFirst("$1");
        if (!"client_credentials".equals(request.formParameter("grant_type"))) {
            return refusal(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }
        if (known == null || !known.tenant().equals(tenant)) {
            return refusal(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
        }
        if (!known.clientId().equals(request.formParameter("client_id")) || !known.secret().equals(request.formParameter("client_secret"))) {
            return refusal(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }
        if (!Objects.equals(known.scope(), request.formParameter("scope"))) {
            return refusal(400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
        }
        String token = token(issuedCount.incrementAndGet());
        issued.add(token);
        return new Answer(200, Json.createObjectBuilder().add("token_type", "Bearer").add("expires_in", known.expiresInSeconds())
                .add("ext_expires_in", known.expiresInSeconds()).add("access_token", token).build().toString());
    }

    private static Answer refusal(int status, String error, String description) {
        return new Answer(status, Json.createObjectBuilder().add("error", error).add("error_description", description)
                .add("error_codes", Json.createArrayBuilder(List.of(7000215))).build().toString());
    }
}
