package dev.fluxbase.ai.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a token must say to be let in: our audience (a shared identity provider's token for another application
 * is refused, however privileged its role), and a role (a token without one is anon-level). A server configured
 * with a key or issuer but no audience refuses to start.
 */
@ExtendWith(FluxbaseServer.class)
class TokenClaimsIT {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String ADMIN_PATH = "/api/v1/admin/ai/providers";

    private ServerUnderTest server;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
    }

    @Test
    void aServiceTokenIssuedForAnotherApplicationIsRefused() {
        String otherApp = server.tokens().token("service_role", "svc", HOUR, "some-other-app");
        String ours = server.tokens().token("service_role", "svc", HOUR);

        ApiResponse refused = server.get(ADMIN_PATH, otherApp);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("code")).isEqualTo("INVALID_TOKEN");
        assertThat(refused.json().getString("error")).contains("wrong audience");
        assertThat(server.get(ADMIN_PATH, ours).status()).isEqualTo(200);
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + otherApp))) {
            JsonObject answer = chat.startChatAnswer(startChat("skeleton-bot"));
            assertThat(answer.getString("type")).isEqualTo("error");
            assertThat(answer.getString("code")).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void aTokenWithoutARoleIsAnonLevel() {
        String noRole = server.tokens().token("", "u-no-role", HOUR);

        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + noRole))) {
            JsonObject answer = chat.startChatAnswer(startChat("skeleton-bot"));
            assertThat(answer.getString("type")).isEqualTo("error");
            assertThat(answer.getString("code")).isEqualTo("AUTH_REQUIRED");
        }
        assertThat(server.get(ADMIN_PATH, noRole).status()).isEqualTo(403);
    }

    @Test
    void aKeyWithoutAnAudienceFailsTheDeploymentAndSaysWhy() {
        Map<String, String> noAudience = Map.of("MP_JWT_VERIFY_AUDIENCES", "");

        assertThatThrownBy(() -> server.startDisposableInstance(noAudience).close())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("deployment failed")
                .hasMessageContaining("MP_JWT_VERIFY_AUDIENCES (mp.jwt.verify.audiences) is required")
                .hasMessageContaining("FLUXBASE_AUTH_ALLOW_ANY_AUDIENCE=true");
    }

    @Test
    void anyAudienceIsAcceptedOnlyWhenTheOperatorSaysSo() {
        try (DisposableInstance anyAudience = server.startDisposableInstance(Map.of("MP_JWT_VERIFY_AUDIENCES", "",
                "FLUXBASE_AUTH_ALLOW_ANY_AUDIENCE", "true"))) {
            String otherApp = server.tokens().token("service_role", "svc", HOUR, "some-other-app");
            assertThat(anyAudience.server().get(ADMIN_PATH, otherApp).status()).isEqualTo(200);
        }
    }

    private static JsonObject startChat(String chatbot) {
        return Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", "default").build();
    }
}
