package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.control.TestKeys.ISSUER;
import static dev.fluxbase.ai.security.control.TestKeys.SECRET;
import static dev.fluxbase.ai.security.control.TestKeys.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.fluxbase.ai.security.control.TokenVerifier.Settings;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    private static RSAKey key;
    private static RSAKey otherKey;
    private static String pem;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() {
        key = TestKeys.rsa("k1");
        otherKey = TestKeys.rsa("k2");
        pem = TestKeys.pem(key);
    }

    @Test
    void acceptsRs256WithAnInlinePemKey() {
        Caller caller = inlinePem().verify(TestKeys.rs256(key, claims("user-1").build()));

        assertThat(caller.userId()).isEqualTo("user-1");
        assertThat(caller.role()).isEqualTo("authenticated");
        assertThat(caller.authenticated()).isTrue();
        assertThat(caller.claims()).contains("\"sub\":\"user-1\"").contains("\"iss\":\"" + ISSUER + "\"");
    }

    @Test
    void acceptsAKeyFromAFileUrl() throws Exception {
        Path file = Files.writeString(dir.resolve("public.pem"), pem);

        TokenVerifier verifier = new TokenVerifier(settings(null, file.toUri().toString(), null));

        assertThat(verifier.verify(TestKeys.rs256(key, claims("user-1").build())).userId()).isEqualTo("user-1");
    }

    @Test
    void acceptsAKeyFromAPlainPathAndAFileColonPath() throws Exception {
        Path file = Files.writeString(dir.resolve("public.pem"), pem);
        String token = TestKeys.rs256(key, claims("user-1").build());

        assertThat(new TokenVerifier(settings(null, file.toString(), null)).verify(token).userId()).isEqualTo("user-1");
        assertThat(new TokenVerifier(settings(null, "file:" + file, null)).verify(token).userId()).isEqualTo("user-1");
    }

    @Test
    void acceptsAJwksFileAndPicksTheKeyById() throws Exception {
        Path file = Files.writeString(dir.resolve("jwks.json"), new JWKSet(List.of(otherKey.toPublicJWK(), key.toPublicJWK())).toString());

        TokenVerifier verifier = new TokenVerifier(settings(null, "file://" + file, null));

        assertThat(verifier.verify(TestKeys.rs256(key, claims("user-1").build())).userId()).isEqualTo("user-1");
        assertThat(verifier.verify(TestKeys.rs256(otherKey, claims("user-2").build())).userId()).isEqualTo("user-2");
    }

    @Test
    void acceptsAKeyFromTheClasspath() throws Exception {
        Files.writeString(dir.resolve("keys.pem"), pem);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            TokenVerifier verifier = new TokenVerifier(settings(null, "classpath:keys.pem", null));

            assertThat(verifier.verify(TestKeys.rs256(key, claims("user-1").build())).userId()).isEqualTo("user-1");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void acceptsEs256WithAnInlineJwks() {
        ECKey ec = TestKeys.ec("ec1");
        TokenVerifier verifier = new TokenVerifier(settings(new JWKSet(ec.toPublicJWK()).toString(), null, null));

        assertThat(verifier.verify(TestKeys.es256(ec, claims("user-3").build())).userId()).isEqualTo("user-3");
    }

    @Test
    void acceptsBase64OfAJwksAndOfAKey() throws Exception {
        String token = TestKeys.rs256(key, claims("user-1").build());
        String jwks = Base64.getUrlEncoder().encodeToString(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
        String der = Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded());

        assertThat(new TokenVerifier(settings(jwks, null, null)).verify(token).userId()).isEqualTo("user-1");
        assertThat(new TokenVerifier(settings(der, null, null)).verify(token).userId()).isEqualTo("user-1");
    }

    @Test
    void acceptsHs256WithTheSharedSecret() {
        TokenVerifier verifier = new TokenVerifier(settings(null, null, SECRET));

        Caller caller = verifier.verify(TestKeys.hs256(claims("user-4").issuer("fluxbase").build()));

        assertThat(caller.userId()).isEqualTo("user-4");
    }

    @Test
    void acceptsBothKindsWhenBothAreConfigured() {
        TokenVerifier verifier = new TokenVerifier(settings(pem, null, SECRET));

        assertThat(verifier.verify(TestKeys.hs256(claims("a").build())).userId()).isEqualTo("a");
        assertThat(verifier.verify(TestKeys.rs256(key, claims("b").build())).userId()).isEqualTo("b");
    }

    @Test
    void rejectsAlgNone() {
        assertRejected(inlinePem(), TestKeys.unsigned(claims("user-1").build()), "Invalid token: unsupported algorithm none");
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        assertRejected(inlinePem(), TestKeys.rs256(otherKey, claims("user-1").build()), "Invalid token: bad signature");
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = TestKeys.rs256(key, claims("user-1").build()).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims("admin").claim("role", "service_role").build().toString().getBytes(StandardCharsets.UTF_8));

        assertRejected(inlinePem(), parts[0] + "." + forged + "." + parts[2], "Invalid token: bad signature");
    }

    @Test
    void rejectsAnUnknownKeyIdInAJwks() {
        TokenVerifier verifier = new TokenVerifier(settings(new JWKSet(key.toPublicJWK()).toString(), null, null));

        assertRejected(verifier, TestKeys.rs256(otherKey, claims("user-1").build()), "Invalid token: unknown signing key");
    }

    @Test
    void rejectsAWrongIssuer() {
        assertRejected(inlinePem(), TestKeys.rs256(key, claims("user-1").issuer("https://evil.example.com").build()),
                "Invalid token: wrong issuer");
        assertRejected(inlinePem(), TestKeys.rs256(key, claims("user-1").issuer(null).build()), "Invalid token: wrong issuer");
    }

    @Test
    void checksTheAudienceWhenConfigured() {
        TokenVerifier verifier = new TokenVerifier(new Settings(pem, null, ISSUER, Set.of("fluxbase-ai", "other"), null, null));

        assertThat(verifier.verify(TestKeys.rs256(key, claims("u").audience(List.of("x", "fluxbase-ai")).build())).userId()).isEqualTo("u");
        assertRejected(verifier, TestKeys.rs256(key, claims("u").audience("x").build()), "Invalid token: wrong audience");
        assertRejected(verifier, TestKeys.rs256(key, claims("u").build()), "Invalid token: wrong audience");
    }

    @Test
    void toleratesSixtySecondsOfClockSkewOnExpiry() {
        Instant now = Instant.now();

        assertThat(inlinePem().verify(TestKeys.rs256(key, claims("u").expirationTime(Date.from(now.minusSeconds(30))).build())).userId())
                .isEqualTo("u");
        assertRejected(inlinePem(), TestKeys.rs256(key, claims("u").expirationTime(Date.from(now.minusSeconds(90))).build()),
                "Invalid token: expired");
    }

    @Test
    void honoursNotBeforeWithTheSameSkew() {
        Instant now = Instant.now();

        assertThat(inlinePem().verify(TestKeys.rs256(key, claims("u").notBeforeTime(Date.from(now.plusSeconds(30))).build())).userId())
                .isEqualTo("u");
        assertRejected(inlinePem(), TestKeys.rs256(key, claims("u").notBeforeTime(Date.from(now.plusSeconds(300))).build()),
                "Invalid token: not yet valid");
    }

    @Test
    void usesTheConfiguredSkew() {
        TokenVerifier strict = new TokenVerifier(new Settings(pem, null, ISSUER, Set.of(), null, Duration.ZERO));

        assertRejected(strict, TestKeys.rs256(key, claims("u").expirationTime(Date.from(Instant.now().minusSeconds(5))).build()),
                "Invalid token: expired");
    }

    @Test
    void requiresExp() {
        assertRejected(inlinePem(), TestKeys.rs256(key, claims("u").expirationTime(null).build()), "Invalid token: missing exp");
    }

    @Test
    void refusesAnHmacTokenSignedWithThePublicKeyAsSecret() {
        String confused = TestKeys.hs256(pem.getBytes(StandardCharsets.US_ASCII), claims("admin").claim("role", "service_role").build());

        assertRejected(inlinePem(), confused, "Invalid token: unsupported algorithm HS256");
        assertRejected(new TokenVerifier(settings(pem, null, SECRET)), confused, "Invalid token: bad signature");
    }

    @Test
    void refusesRsaTokensWhenOnlyASecretIsConfigured() {
        assertRejected(new TokenVerifier(settings(null, null, SECRET)), TestKeys.rs256(key, claims("u").build()),
                "Invalid token: unsupported algorithm RS256");
    }

    @Test
    void refusesAnHmacTokenWithAWrongSecret() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("u").build());
        jwt.sign(new MACSigner("another-secret-that-is-long-enough-too!!"));

        assertRejected(new TokenVerifier(settings(null, null, SECRET)), jwt.serialize(), "Invalid token: bad signature");
    }

    @Test
    void refusesEverythingWhenNothingIsConfigured() {
        assertRejected(new TokenVerifier(settings(null, null, null)), TestKeys.hs256(claims("u").build()),
                "Token verification is not configured");
    }

    @Test
    void refusesMalformedAndEncryptedTokens() {
        assertRejected(inlinePem(), "not-a-jwt", "Invalid token: malformed");
        assertRejected(inlinePem(), "a.b.c", "Invalid token: malformed");
        assertRejected(inlinePem(), "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", "Invalid token: encrypted tokens are not supported");
    }

    @Test
    void reportsAnUnreadableKeyWithoutQuotingTheToken() {
        TokenVerifier verifier = new TokenVerifier(settings(null, dir.resolve("missing.pem").toUri().toString(), null));
        String token = TestKeys.rs256(key, claims("u").build());

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("Token verification is unavailable: the signing keys of mp.jwt.verify.publickey.location could not be loaded")
                .hasMessageNotContaining(token);
    }

    @Test
    void settingsNeverShowTheSecret() {
        assertThat(settings(pem, null, SECRET).toString()).doesNotContain(SECRET).doesNotContain("BEGIN");
    }

    @Test
    void aSecretIsUsedByteForByte() {
        String spaced = " " + SECRET + " ";
        TokenVerifier verifier = new TokenVerifier(settings(null, null, spaced));

        assertThat(verifier.verify(TestKeys.hs256(spaced.getBytes(StandardCharsets.UTF_8), claims("u").build())).userId()).isEqualTo("u");
    }

    private static TokenVerifier inlinePem() {
        return new TokenVerifier(settings(pem, null, null));
    }

    /** The issuer goes with a key only: without one, an issuer URL would be discovered as an OpenID Connect issuer. */
    private static Settings settings(String publicKey, String location, String secret) {
        boolean key = publicKey != null || location != null;
        return new Settings(publicKey, location, key ? ISSUER : null, Set.of(), secret, null);
    }

    private static void assertRejected(TokenVerifier verifier, String token, String message) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(message)
                .extracting(e -> ((AuthenticationException) e).code()).isEqualTo("INVALID_TOKEN");
    }
}
