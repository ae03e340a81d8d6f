package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Linking chatbots to knowledge bases: the SDK's link, list, update and unlink calls. */
@ExtendWith(FluxbaseServer.class)
class ChatbotKnowledgeIT {

    private static final String CHATBOTS = "/api/v1/admin/ai/chatbots/";

    private ServerUnderTest server;
    private KnowledgeApi api;
    private String chatbot;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
        chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'skeleton-bot'").get(0);
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    @Test
    void linksAreCreatedListedChangedAndRemoved() {
        String kb = api.createKnowledgeBase("faq").getString("id");
        ApiResponse linked = api.call("POST", CHATBOTS + chatbot + "/knowledge-bases",
                "{\"knowledge_base_id\":\"" + kb + "\",\"max_chunks\":3,\"similarity_threshold\":0.5}");
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        JsonObject link = linked.json();
        assertThat(link.getString("chatbot_id")).isEqualTo(chatbot);
        assertThat(link.getString("knowledge_base_id")).isEqualTo(kb);
        assertThat(link.getString("knowledge_base_name")).isEqualTo("faq");
        assertThat(link.getInt("max_chunks")).isEqualTo(3);
        assertThat(link.getJsonNumber("similarity_threshold").doubleValue()).isEqualTo(0.5);
        assertThat(link.getBoolean("enabled")).isTrue();
        assertThat(link.getInt("priority")).isEqualTo(1);
        assertThat(link.containsKey("id") && link.containsKey("created_at")).isTrue();

        ApiResponse listed = api.get(CHATBOTS + chatbot + "/knowledge-bases");
        assertThat(listed.json().getInt("count")).isEqualTo(1);
        assertThat(listed.array("knowledge_bases").getJsonObject(0).getString("id")).isEqualTo(link.getString("id"));
        ApiResponse users = api.get(BASE + "/" + kb + "/chatbots");
        JsonObject user = users.array("chatbots").getJsonObject(0);
        assertThat(user.getString("id")).as("the SDK's AIChatbotSummary, not a link row").isEqualTo(chatbot);
        assertThat(user.getString("name")).isEqualTo("skeleton-bot");
        assertThat(user.getString("namespace")).isEqualTo("default");
        assertThat(user.keySet()).contains("enabled", "is_public", "allowed_tables").doesNotContain("chatbot_name", "max_chunks");

        ApiResponse updated = api.call("PUT", CHATBOTS + chatbot + "/knowledge-bases/" + kb, "{\"enabled\":false,\"priority\":7}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getBoolean("enabled")).isFalse();
        assertThat(updated.json().getInt("priority")).isEqualTo(7);
        assertThat(updated.json().getInt("max_chunks")).isEqualTo(3);

        assertThat(api.call("DELETE", CHATBOTS + chatbot + "/knowledge-bases/" + kb, null).status()).isEqualTo(204);
        assertThat(api.get(CHATBOTS + chatbot + "/knowledge-bases").json().getInt("count")).isZero();
        assertThat(api.call("DELETE", CHATBOTS + chatbot + "/knowledge-bases/" + kb, null).status()).isEqualTo(404);
    }

    @Test
    void badLinksAreRefused() {
        String kb = api.createKnowledgeBase("faq2").getString("id");
        String unknown = "00000000-0000-0000-0000-000000000000";
        assertThat(api.call("POST", CHATBOTS + chatbot + "/knowledge-bases", "{}").status()).isEqualTo(400);
        assertThat(api.call("POST", CHATBOTS + chatbot + "/knowledge-bases", "{\"knowledge_base_id\":\"" + unknown + "\"}").status()).isEqualTo(404);
        assertThat(api.call("POST", CHATBOTS + unknown + "/knowledge-bases", "{\"knowledge_base_id\":\"" + kb + "\"}").status()).isEqualTo(404);
        assertThat(api.call("POST", CHATBOTS + chatbot + "/knowledge-bases",
                "{\"knowledge_base_id\":\"" + kb + "\",\"similarity_threshold\":2}").status()).isEqualTo(400);
        assertThat(api.call("PUT", CHATBOTS + chatbot + "/knowledge-bases/" + kb, "{}").status()).isEqualTo(404);
        assertThat(api.get(CHATBOTS + unknown + "/knowledge-bases").status()).isEqualTo(404);
        assertThat(server.call("GET", CHATBOTS + chatbot + "/knowledge-bases", server.tokens().userToken("u"), null).status()).isEqualTo(403);
    }
}
