package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.control.TestKeys.ISSUER;
import static dev.fluxbase.ai.security.control.TestKeys.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.fluxbase.ai.security.control.TokenVerifier.Settings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A JWKS served over HTTP, as corporate SSO providers publish it; fetched once and then cached. */
class RemoteJwksTest {

    private final RSAKey key = TestKeys.rsa("remote-1");
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serveJwks() throws Exception {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void verifiesWithARemoteJwksAndCachesIt() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        TokenVerifier verifier = new TokenVerifier(new Settings(null, url, ISSUER, Set.of(), null, null));

        assertThat(verifier.verify(TestKeys.rs256(key, claims("u-1").build())).userId()).isEqualTo("u-1");
        assertThat(verifier.verify(TestKeys.rs256(key, claims("u-2").build())).userId()).isEqualTo("u-2");
        assertThat(fetches).hasValue(1);
    }
}
