package dev.fluxbase.ai.console.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider the console signs in with, as an OpenID Connect public client: nothing in it is
 * secret, the browser reads all of it.
 *
 * @param issuer   the IdP's issuer URL, where the browser discovers its endpoints
 * @param clientId the public client (authorization code flow with PKCE, no secret)
 * @param scope    space-separated scopes, always with {@code openid}: the console needs the ID token to check
 *                 its nonce and to sign out at the IdP
 * @param name     what the sign-in button calls the IdP
 */
public record ConsoleSignIn(String issuer, String clientId, String scope, String name) {

    private static final String OPENID = "openid";

    /**
     * The sign-in from the settings, or empty when no client is configured (then the console offers only
     * pasting a token).
     *
     * @param consoleIssuer {@code fluxbase.console.oidc.issuer}
     * @param authIssuers   {@code fluxbase.auth.issuer}, comma-separated: the first is the default issuer
     * @param scope         {@code fluxbase.console.oidc.scope}, space-separated
     * @throws IllegalArgumentException when a client is configured but the issuer is missing or not an http(s) URL
     */
    public static Optional<ConsoleSignIn> from(Optional<String> consoleIssuer, Optional<String> authIssuers, Optional<String> clientId,
            String scope, Optional<String> name) {
        Optional<String> client = clientId.map(String::trim).filter(c -> !c.isEmpty());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String issuer = consoleIssuer.map(String::trim).filter(i -> !i.isEmpty())
                .or(() -> authIssuers.flatMap(ConsoleSignIn::firstOf))
                .orElseThrow(() -> new IllegalArgumentException(
                        "fluxbase.console.oidc.client-id is set but neither fluxbase.console.oidc.issuer nor fluxbase.auth.issuer is"));
        URI uri = httpUrl(issuer);
        String label = name.map(String::trim).filter(n -> !n.isEmpty()).orElse(uri.getHost());
        return Optional.of(new ConsoleSignIn(issuer, client.get(), withOpenId(scope), label));
    }

    /**
     * The issuer's origin ({@code https://idp.example}, a port only when it is not the scheme's default): the
     * console's Content-Security-Policy lets the browser call it for discovery, tokens and refreshes.
     */
    public String origin() {
        URI uri = httpUrl(issuer);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static Optional<String> firstOf(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(i -> !i.isEmpty()).findFirst();
    }

    private static URI httpUrl(String issuer) {
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("The console's OIDC issuer is not an http(s) URL without query or fragment: " + issuer);
    }

    private static String withOpenId(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(OPENID);
        scopes.addAll(Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        return String.join(" ", scopes);
    }
}
