package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @fluxbase:require-role}: who may chat with, list and look up a chatbot that requires roles. */
@ExtendWith(FluxbaseServer.class)
class RoleGatedChatbotsIT {

    private static final String BOT = "sales-only-bot";
    private static final JsonObject START = Json.createObjectBuilder().add("type", "start_chat").add("chatbot", BOT).add("namespace", "default").build();

    private ServerUnderTest server;
    private String salesToken;
    private String hrToken;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        salesToken = server.tokens().token("sales", "seller", Duration.ofHours(1));
        hrToken = server.tokens().token("hr", "clerk", Duration.ofHours(1));
    }

    private String id() {
        return server.column("SELECT id FROM ai.chatbots WHERE namespace = 'default' AND name = ?", BOT).get(0);
    }

    private List<String> publicListing(String token) {
        return server.get("/api/v1/ai/chatbots", token).array("chatbots").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
    }

    @Test
    void aCallerWithTheRoleChats() {
        server.llm().enqueue(Reply.text("hello seller"));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + salesToken))) {
            String id = chat.startChat(BOT, "default");
            chat.message(id, "hi");
            assertThat(chat.turn(id)).last().extracting(f -> f.getString("type")).isEqualTo("done");
        }
    }

    @Test
    void aCallerWithAnotherRoleIsForbiddenAtStartChat() {
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + hrToken))) {
            JsonObject refused = chat.startChatAnswer(START);
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");
            assertThat(refused.getString("error")).isEqualTo("This chatbot requires one of the roles: sales, support");
            JsonObject resume = Json.createObjectBuilder(START).add("conversation_id", "7b0c2f5e-0000-4000-8000-000000000000").build();
            assertThat(chat.startChatAnswer(resume).getString("code")).as("resuming is gated alike").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() {
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"))) {
            assertThat(chat.startChatAnswer(START).getString("code")).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void thePublicListingShowsItOnlyToCallersWithTheRole() {
        assertThat(publicListing(salesToken)).contains(BOT);
        assertThat(publicListing(hrToken)).contains("skeleton-bot").doesNotContain(BOT);
        assertThat(publicListing(null)).contains("skeleton-bot").doesNotContain(BOT);
    }

    @Test
    void aLookupIsNotFoundForAnonymousCallersAndForbiddenForOthers() {
        String path = "/api/v1/ai/chatbots/" + id();
        assertThat(server.get(path, salesToken).json().getString("name")).isEqualTo(BOT);
        ApiResponse anonymous = server.get(path, null);
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.json().getString("code")).isEqualTo("CHATBOT_NOT_FOUND");
        ApiResponse forbidden = server.get(path, hrToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().getString("code")).isEqualTo("FORBIDDEN");
        assertThat(server.get("/api/v1/ai/chatbots/by-name/" + BOT, null).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/ai/chatbots/by-name/" + BOT, hrToken).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/ai/chatbots/by-name/" + BOT, salesToken).status()).isEqualTo(200);
    }

    @Test
    void anAdminSeesItWithItsRolesInTheAdminApi() {
        String admin = server.serviceKey();
        assertThat(publicListing(admin)).contains(BOT);
        assertThat(server.get("/api/v1/admin/ai/chatbots", admin).array("chatbots").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name")).contains(BOT);
        JsonObject chatbot = server.get("/api/v1/admin/ai/chatbots/" + id(), admin).json();
        assertThat(chatbot.getJsonArray("require_roles").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("sales", "support");
    }

    @Test
    void anAdminChangesWhoMayUseItThroughTheAdminApi() {
        String admin = server.serviceKey();
        String path = "/api/v1/admin/ai/chatbots/" + id();
        try {
            ApiResponse changed = server.call("PUT", path, admin, "{\"require_roles\":[\" hr \"]}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().getJsonArray("require_roles").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                    .containsExactly("hr");
            assertThat(server.get("/api/v1/ai/chatbots/by-name/" + BOT, hrToken).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/ai/chatbots/by-name/" + BOT, salesToken).status()).isEqualTo(403);
            assertThat(server.call("PUT", path, admin, "{\"require_roles\":[\"\"]}").status()).isEqualTo(400);

            server.call("PUT", path, admin, "{\"require_roles\":[]}");
            assertThat(publicListing(null)).as("open to everyone again").contains(BOT);
        } finally {
            server.call("PUT", path, admin, "{\"require_roles\":[\"sales\",\"support\"]}");
        }
    }
}
