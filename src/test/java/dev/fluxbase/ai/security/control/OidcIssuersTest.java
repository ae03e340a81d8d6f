package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.control.TestKeys.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fluxbase.ai.security.control.TokenVerifier.Settings;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect issuers served over HTTP, as Keycloak, Entra ID or Okta publish them: discovery, then the key
 * set, which is fetched again when a token names a key it does not hold (the identity provider rotated its keys).
 */
class OidcIssuersTest {

    private static final String AUDIENCE = "fluxbase";

    private final RSAKey first = TestKeys.rsa("kid-1");
    private final RSAKey second = TestKeys.rsa("kid-2");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    private final AtomicReference<String> namedIssuer = new AtomicReference<>();
    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private HttpServer server;
    private String issuer;

    @BeforeEach
    void serveIssuer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        namedIssuer.set(issuer);
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            respond(exchange, "{\"issuer\":\"" + namedIssuer.get() + "\",\"jwks_uri\":\"" + issuer + "/certs\"}");
        });
        server.createContext("/realms/test/certs", exchange -> {
            keyFetches.incrementAndGet();
            respond(exchange, published.get().toString());
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void discoversTheKeysOnceAndVerifiesTokensOfThatIssuer() {
        TokenVerifier verifier = verifier(oidc(Duration.ofSeconds(30)));

        assertThat(verifier.verify(token(first, "u-1")).userId()).isEqualTo("u-1");
        assertThat(verifier.verify(token(first, "u-2")).userId()).isEqualTo("u-2");
        assertThat(discoveries).hasValue(1);
        assertThat(keyFetches).hasValue(1);
    }

    @Test
    void followsAKeyRotationWithoutARestart() {
        TokenVerifier verifier = verifier(oidc(Duration.ZERO));
        assertThat(verifier.verify(token(first, "u-1")).userId()).isEqualTo("u-1");

        published.set(new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK())));

        assertThat(verifier.verify(token(second, "u-1")).userId()).isEqualTo("u-1");
        assertThat(verifier.verify(token(first, "u-1")).userId()).as("the old key until the IdP drops it").isEqualTo("u-1");
        assertThat(keyFetches).hasValue(2);
    }

    @Test
    void boundsTheRefetchesThatUnknownKeyIdsCause() {
        TokenVerifier verifier = verifier(oidc(Duration.ofMinutes(5)));
        assertThat(verifier.verify(token(first, "u-1")).userId()).isEqualTo("u-1");
        RSAKey stranger = TestKeys.rsa("kid-unknown");

        for (int i = 0; i < 5; i++) {
            assertRejected(verifier, token(stranger, "u-1"));
        }

        assertThat(keyFetches.get()).as("at most one refetch within the interval").isLessThanOrEqualTo(2);
    }

    @Test
    void refusesAnIssuerWhoseDiscoveryDocumentNamesAnotherIssuer() {
        namedIssuer.set("https://evil.example.com");
        TokenVerifier verifier = verifier(oidc(Duration.ZERO));

        assertThatThrownBy(() -> verifier.verify(token(first, "u-1"))).isInstanceOf(AuthenticationException.class)
                .hasMessage("Token verification is unavailable: the signing keys of the issuer " + issuer + " could not be loaded");
        assertThat(keyFetches).hasValue(0);
    }

    @Test
    void trustsSeveralIssuersEachWithItsOwnKeys() {
        RSAKey staticKey = TestKeys.rsa("static");
        Settings settings = new Settings(null, null, null, Set.of(AUDIENCE), TestKeys.SECRET, null, List.of(issuer), false, Duration.ZERO);
        Settings withStaticKey = new Settings(TestKeys.pem(staticKey), null, "fluxbase-static", Set.of(AUDIENCE), TestKeys.SECRET, null,
                List.of(issuer), false, Duration.ZERO);
        TokenVerifier verifier = verifier(withStaticKey);

        assertThat(verifier.verify(token(first, "from-idp")).userId()).isEqualTo("from-idp");
        assertThat(verifier.verify(TestKeys.rs256(staticKey, claims("from-static").issuer("fluxbase-static").audience(AUDIENCE).build())).userId())
                .isEqualTo("from-static");
        assertThat(verifier.verify(TestKeys.hs256(claims("from-fluxbase").claim("role", "authenticated").build())).userId())
                .isEqualTo("from-fluxbase");
        // The IdP's key does not vouch for the static issuer, nor the static key for the IdP.
        assertRejected(verifier, TestKeys.rs256(first, claims("forged").issuer("fluxbase-static").audience(AUDIENCE).build()));
        assertRejected(verifier, TestKeys.rs256(staticKey, claims("forged").issuer(issuer).audience(AUDIENCE).build()));
        assertRejected(verifier(settings), TestKeys.rs256(first, claims("u").issuer("https://other.example.com").audience(AUDIENCE).build()));
    }

    @Test
    void refusesATokenIssuedForAnotherApplication() {
        TokenVerifier verifier = verifier(oidc(Duration.ZERO));

        assertThatThrownBy(() -> verifier.verify(TestKeys.rs256(first, claims("u").issuer(issuer).audience("other-app").build())))
                .isInstanceOf(AuthenticationException.class).hasMessage("Invalid token: wrong audience");
    }

    @Test
    void anIssuerWithoutAudiencesMustNotRunUnlessAnyAudienceIsMeant() {
        Settings noAudience = new Settings(null, null, null, Set.of(), null, null, List.of(issuer), false, null);
        Settings anyAudience = new Settings(null, null, null, Set.of(), null, null, List.of(issuer), true, null);
        Settings keyWithoutAudience = new Settings(TestKeys.pem(first), null, "x", Set.of(), null, null, List.of(), false, null);
        Settings secretOnly = new Settings(null, null, null, Set.of(), TestKeys.SECRET, null, List.of(), false, null);

        assertThat(noAudience.audienceProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("MP_JWT_VERIFY_AUDIENCES").contains("FLUXBASE_AUTH_ALLOW_ANY_AUDIENCE=true"));
        assertThat(keyWithoutAudience.audienceProblem()).isPresent();
        assertThat(anyAudience.audienceProblem()).isEmpty();
        assertThat(secretOnly.audienceProblem()).as("Fluxbase's own tokens are trusted by the secret").isEmpty();
    }

    private Settings oidc(Duration refreshMin) {
        return new Settings(null, null, null, Set.of(AUDIENCE), null, null, List.of(issuer), false, refreshMin);
    }

    private static TokenVerifier verifier(Settings settings) {
        return new TokenVerifier(settings);
    }

    private String token(RSAKey key, String subject) {
        return TestKeys.rs256(key, claims(subject).issuer(issuer).audience(AUDIENCE).claim("role", "authenticated").build());
    }

    private static void assertRejected(TokenVerifier verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class);
    }
}
