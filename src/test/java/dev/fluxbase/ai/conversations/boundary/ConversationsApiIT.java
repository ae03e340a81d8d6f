package dev.fluxbase.ai.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v1/ai/conversations}: the caller's own stored conversations, in the SDK's shapes. */
@ExtendWith(FluxbaseServer.class)
class ConversationsApiIT {

    private static final String BASE = "/api/v1/ai/conversations";

    private ServerUnderTest server;
    private String owner;
    private String token;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        owner = "lister-" + UUID.randomUUID();
        token = server.tokens().userToken(owner);
    }

    @Test
    void listsTheCallersConversationsNewestFirstWithFiltersAndPaging() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(converse(owner, "persisted-bot", "Question number " + i + " about a rather long topic that goes on"));
        }
        String guide = converse(owner, "guide-example", "Hello guide");
        converse("someone-else-" + UUID.randomUUID(), "persisted-bot", "Not yours");

        JsonObject all = list("");
        assertThat(all.getInt("total")).isEqualTo(4);
        assertThat(all.getBoolean("has_more")).isFalse();
        assertThat(ids(all)).containsExactly(guide, ids.get(2), ids.get(1), ids.get(0));
        JsonObject newest = all.getJsonArray("conversations").getJsonObject(1);
        assertThat(newest.getString("chatbot")).isEqualTo("persisted-bot");
        assertThat(newest.getString("namespace")).isEqualTo("default");
        assertThat(newest.getString("title")).isEqualTo("Question number 2 about a rather long topic that...");
        assertThat(newest.getString("preview")).isEqualTo("Question number 2 about a rather long topic that g");
        assertThat(newest.getInt("message_count")).isEqualTo(2);
        assertThat(newest.getString("created_at")).isNotBlank();
        assertThat(newest.getString("updated_at")).isNotBlank();

        assertThat(ids(list("?chatbot=persisted-bot"))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(list("?chatbot=guide-example&namespace=default"))).containsExactly(guide);
        assertThat(list("?namespace=elsewhere").getInt("total")).isZero();

        JsonObject first = list("?limit=2");
        assertThat(ids(first)).containsExactly(guide, ids.get(2));
        assertThat(first.getInt("total")).isEqualTo(4);
        assertThat(first.getBoolean("has_more")).isTrue();
        JsonObject second = list("?limit=2&offset=2");
        assertThat(ids(second)).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.getBoolean("has_more")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"?limit=abc, 2", "?limit=0, 2", "?limit=1000, 2", "?limit=1, 1", "?offset=-5, 2", "?offset=x, 2", "?offset=9, 0"})
    void oddPagingValuesFallBackToTheDefaults(String query, int expected) {
        converse(owner, "persisted-bot", "one");
        converse(owner, "persisted-bot", "two");
        ApiResponse response = server.get(BASE + query, token);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getJsonArray("conversations")).hasSize(expected);
        assertThat(response.json().getInt("total")).isEqualTo(2);
    }

    @Test
    void getsAConversationWithItsMessages() {
        String id = converse(owner, "persisted-bot", "What is up?");
        JsonObject detail = server.get(BASE + "/" + id, token).json();
        assertThat(detail.getString("id")).isEqualTo(id);
        assertThat(detail.getString("chatbot")).isEqualTo("persisted-bot");
        assertThat(detail.getString("title")).isEqualTo("What is up?");
        List<JsonObject> messages = detail.getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(messages).extracting(m -> m.getString("role") + ":" + m.getString("content"))
                .containsExactly("user:What is up?", "assistant:All fine.");
        assertThat(messages.get(0).containsKey("usage")).isFalse();
        assertThat(messages.get(0).getString("timestamp")).isNotBlank();
        JsonObject usage = messages.get(1).getJsonObject("usage");
        assertThat(List.of(usage.getInt("prompt_tokens"), usage.getInt("completion_tokens"), usage.getInt("total_tokens")))
                .containsExactly(12, 3, 15);
        assertThat(messages.get(1).containsKey("query_results")).isFalse();
    }

    @Test
    void renamesAConversation() {
        String id = converse(owner, "persisted-bot", "Untitled thoughts");
        ApiResponse renamed = server.call("PATCH", BASE + "/" + id, token, "{\"title\":\"  My plans  \"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().getString("title")).isEqualTo("My plans");
        assertThat(renamed.json().getJsonArray("messages")).hasSize(2);
        assertThat(server.get(BASE + "/" + id, token).json().getString("title")).isEqualTo("My plans");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"title\":\"\"}|Title cannot be empty",
            "{\"title\":\"   \"}|Title cannot be empty",
            "not json|Invalid request body",
            "{\"title\":5}|Invalid request body: \"title\" must be a string",
            "{}|Invalid request body: \"title\" is required"})
    void refusesBadTitles(String body, String error) {
        String id = converse(owner, "persisted-bot", "hi");
        ApiResponse response = server.call("PATCH", BASE + "/" + id, token, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("error")).isEqualTo(error);
    }

    @Test
    void refusesATitleOfMoreThan200Bytes() {
        String id = converse(owner, "persisted-bot", "hi");
        assertThat(server.call("PATCH", BASE + "/" + id, token, "{\"title\":\"" + "é".repeat(101) + "\"}").json().getString("error"))
                .isEqualTo("Title must be 200 characters or less");
        assertThat(server.call("PATCH", BASE + "/" + id, token, "{\"title\":\"" + "é".repeat(100) + "\"}").status()).isEqualTo(200);
    }

    @Test
    void deletesAConversationWithItsMessages() {
        String id = converse(owner, "persisted-bot", "Forget me");
        ApiResponse deleted = server.call("DELETE", BASE + "/" + id, token, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().getBoolean("deleted")).isTrue();
        assertThat(deleted.json().getString("id")).isEqualTo(id);
        assertThat(server.get(BASE + "/" + id, token).status()).isEqualTo(404);
        assertThat(server.call("DELETE", BASE + "/" + id, token, null).status()).isEqualTo(404);
        assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", id)).containsExactly("0");
    }

    @Test
    void anotherUsersConversationIsNotFound() {
        String id = converse(owner, "persisted-bot", "Private matters");
        String intruder = server.tokens().userToken("intruder-" + UUID.randomUUID());
        for (ApiResponse response : List.of(server.get(BASE + "/" + id, intruder),
                server.call("PATCH", BASE + "/" + id, intruder, "{\"title\":\"mine now\"}"),
                server.call("DELETE", BASE + "/" + id, intruder, null))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.json().getString("error")).isEqualTo("Conversation not found");
            assertThat(response.json().getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
        }
        assertThat(server.get(BASE, intruder).json().getInt("total")).isZero();
        assertThat(server.get(BASE + "/" + id, token).json().getString("title")).isEqualTo("Private matters");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertThat(server.get(BASE + "/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        assertThat(server.get(BASE + "/not-a-uuid", token).status()).isEqualTo(404);
        assertThat(server.call("DELETE", BASE + "/not-a-uuid", token, null).status()).isEqualTo(404);
    }

    @Test
    void needsAUser() {
        String anonKey = server.tokens().token("anon", "anon", Duration.ofHours(1));
        for (String credential : new String[] {null, anonKey, server.serviceKey()}) {
            ApiResponse response = server.get(BASE, credential);
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.json().getString("error")).isEqualTo("Authentication required");
        }
        assertThat(server.call("DELETE", BASE + "/" + UUID.randomUUID(), null, null).status()).isEqualTo(401);
    }

    private String converse(String user, String chatbot, String question) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, "default");
            server.llm().enqueue(Reply.text("All fine.").usage(12, 3));
            chat.message(id, question);
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
            return id;
        }
    }

    private JsonObject list(String query) {
        ApiResponse response = server.get(BASE + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("conversations").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }
}
