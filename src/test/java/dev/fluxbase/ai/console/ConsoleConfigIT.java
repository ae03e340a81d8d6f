package dev.fluxbase.ai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's sign-in settings on the main instance, which names no console client: pasting a token only. */
@ExtendWith(FluxbaseServer.class)
class ConsoleConfigIT {

    private ServerUnderTest server;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
    }

    @Test
    void withoutAConsoleClientTheConfigNamesNoIdentityProvider() {
        ApiResponse config = server.get("/api/v1/ai/console/config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Content-Type")).startsWith("application/json");
        assertThat(config.json().keySet()).containsExactly("oidc");
        assertThat(config.json().get("oidc")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void theConfigIsPublicButABadTokenIsStillRefused() {
        assertThat(server.get("/api/v1/ai/console/config", server.tokens().userToken("alice")).status()).isEqualTo(200);
        ApiResponse refused = server.get("/api/v1/ai/console/config", "not.a.token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void theConsolesPolicyLetsTheBrowserCallNoOtherOrigin() {
        HttpResponse<String> index = server.get("/console/");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).containsPattern("connect-src 'self' ws://[^ ;]+ wss://[^ ;]+;"));
    }
}
