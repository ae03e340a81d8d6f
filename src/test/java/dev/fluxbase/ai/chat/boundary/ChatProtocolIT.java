package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WebSocket protocol: authentication, several conversations, cancel, disconnect and bad frames. */
@ExtendWith(FluxbaseServer.class)
class ChatProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    private static JsonObject startChat(String chatbot) {
        return Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", "default").build();
    }

    @Test
    void anonymousUsersMayOnlyTalkToChatbotsThatAllowIt() {
        server.llm().enqueue(Reply.text("hello stranger"));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"))) {
            JsonObject refused = chat.startChatAnswer(startChat("skeleton-bot"));
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("AUTH_REQUIRED");
            assertThat(refused.getString("error")).isEqualTo("Authentication required");

            String id = chat.startChat("open-bot", "default");
            chat.message(id, "hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        assertThat(server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getJsonObject(0).getString("content"))
                .contains("The user is .");
    }

    @Test
    void anAnonKeyIsStillAnonymous() {
        String anonKey = server.tokens().token("anon", "anon", Duration.ofHours(1));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + anonKey))) {
            assertThat(chat.startChatAnswer(startChat("skeleton-bot")).getString("code")).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void aBadTokenIsReportedAndTheSocketStaysOpen() {
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=not-a-jwt"))) {
            JsonObject error = chat.startChatAnswer(startChat("open-bot"));
            assertThat(error.getString("code")).isEqualTo("INVALID_TOKEN");
            assertThat(chat.startChatAnswer(startChat("open-bot")).getString("code")).isEqualTo("INVALID_TOKEN");
            assertThat(chat.isOpen()).isTrue();
        }
        String expired = server.tokens().token("authenticated", "u-exp", Duration.ofMinutes(-10));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + expired))) {
            assertThat(chat.startChatAnswer(startChat("open-bot")).getString("error")).contains("expired");
        }
    }

    @Test
    void theTokenMayComeInTheAuthorizationHeader() {
        server.llm().enqueue(Reply.text("hi"));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"),
                Map.of("Authorization", "Bearer " + server.tokens().userToken("header-user")))) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "who am I?");
            chat.turn(id);
        }
        assertThat(server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getJsonObject(0).getString("content"))
                .contains("Current user ID: header-user");
    }

    @Test
    void theDoubleSlashPathOfTheSdkWorks() {
        try (ChatClient chat = ChatClient.connect(server.ws("//ai/ws?token=" + server.tokens().userToken("slash")))) {
            assertThat(chat.startChat("skeleton-bot", "default")).isNotBlank();
        }
    }

    @Test
    void onlyAdminsMayImpersonate() {
        JsonObject impersonate = Json.createObjectBuilder(startChat("skeleton-bot")).add("impersonate_user_id", "victim").build();
        try (ChatClient chat = server.chatAs("mallory")) {
            JsonObject refused = chat.startChatAnswer(impersonate);
            assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");
        }
        server.llm().enqueue(Reply.text("ok"));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws?token=" + server.serviceKey()))) {
            JsonObject started = chat.startChatAnswer(impersonate);
            assertThat(started.getString("type")).isEqualTo("chat_started");
            chat.message(started.getString("conversation_id"), "hello");
            chat.turn(started.getString("conversation_id"));
        }
        assertThat(server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getJsonObject(0).getString("content"))
                .contains("Current user ID: victim");
    }

    @Test
    void twoConversationsShareOneSocketAndKeepTheirOrder() {
        server.llm().enqueue(Reply.text("a1 ", "a2 ", "a3").chunkDelay(Duration.ofMillis(50)),
                Reply.text("b1 ", "b2 ", "b3").chunkDelay(Duration.ofMillis(50)));
        try (ChatClient chat = server.chatAs("two-convs")) {
            String first = chat.startChat("skeleton-bot", "default");
            String second = chat.startChat("open-bot", "default");
            chat.message(first, "one");
            chat.message(second, "two");
            List<JsonObject> frames = chat.until(ChatProtocolIT::countDone);
            frames.addAll(chat.until(ChatProtocolIT::countDone));
            for (String id : List.of(first, second)) {
                List<String> types = frames.stream().filter(f -> id.equals(f.getString("conversation_id", null)))
                        .map(f -> f.getString("type")).toList();
                assertThat(types).startsWith("progress", "progress").endsWith("done");
                assertThat(types.stream().filter("content"::equals).count()).isEqualTo(3);
            }
            String deltas = frames.stream().filter(f -> f.getString("type").equals("content"))
                    .map(f -> f.getString("delta")).reduce("", String::concat);
            assertThat(deltas.replaceAll("b\\d ?", "")).isEqualTo("a1 a2 a3");
            assertThat(deltas.replaceAll("a\\d ?", "")).isEqualTo("b1 b2 b3");
        }
    }

    private static boolean countDone(JsonObject frame) {
        return frame.getString("type").equals("done");
    }

    @Test
    void cancelStopsTheTurnAbortsTheProviderRequestAndKeepsTheSocket() {
        server.llm().enqueue(Reply.text(words(40)).chunkDelay(Duration.ofMillis(150)), Reply.text("after cancel"));
        try (ChatClient chat = server.chatAs("canceller")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "talk a lot");
            chat.until(f -> f.getString("type").equals("content"));
            Instant asked = Instant.now();
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            JsonObject cancelled = chat.until(f -> f.getString("type").equals("cancelled")).stream()
                    .filter(f -> f.getString("type").equals("cancelled")).findFirst().orElseThrow();
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(cancelled.getString("conversation_id")).isEqualTo(id);
            server.llm().awaitOpenStreams(0, Duration.ofSeconds(5));
            chat.assertSilentFor(Duration.ofMillis(500));

            chat.message(id, "still there?");
            List<JsonObject> next = chat.turn(id);
            assertThat(last(next).getString("type")).isEqualTo("done");
            assertThat(next.stream().filter(f -> f.getString("type").equals("content")).map(f -> f.getString("delta")))
                    .containsExactly("after cancel");
        }
    }

    @Test
    void startChatWithAKnownConversationOfThisSocketResumesIt() {
        server.llm().enqueue(Reply.text("first"), Reply.text("second"));
        try (ChatClient chat = server.chatAs("resumer")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "one");
            chat.turn(id);
            JsonObject resumed = chat.startChatAnswer(Json.createObjectBuilder(startChat("skeleton-bot")).add("conversation_id", id).build());
            assertThat(resumed.getString("conversation_id")).isEqualTo(id);
            chat.message(id, "two");
            chat.turn(id);
            JsonObject other = chat.startChatAnswer(Json.createObjectBuilder(startChat("open-bot")).add("conversation_id", id).build());
            assertThat(other.getString("conversation_id")).isNotEqualTo(id);
        }
        server.llm().awaitRequest(WAIT);
        assertThat(server.llm().awaitRequest(WAIT).json().getJsonArray("messages").size()).isEqualTo(4);
    }

    @Test
    void cancelWithNothingRunningIsAcknowledged() {
        try (ChatClient chat = server.chatAs("idle")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            assertThat(chat.next().getString("type")).isEqualTo("cancelled");
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", "unknown").build());
            assertThat(chat.next().getString("code")).isEqualTo("NO_SESSION");
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamAbortsTheProviderRequest() {
        server.llm().enqueue(Reply.text(words(40)).chunkDelay(Duration.ofMillis(150)));
        ChatClient chat = server.chatAs("leaver");
        String id = chat.startChat("skeleton-bot", "default");
        chat.message(id, "talk a lot");
        chat.until(f -> f.getString("type").equals("content"));
        assertThat(server.llm().openStreams()).isEqualTo(1);
        chat.close();
        server.llm().awaitOpenStreams(0, Duration.ofSeconds(5));
    }

    @Test
    void anOversizedFrameIsRefusedAndTheSocketStaysUsable() {
        try (ChatClient chat = server.chatAs("big")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "x".repeat(1024 * 1024));
            JsonObject error = chat.next();
            assertThat(error.getString("code")).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(chat.isOpen()).isTrue();
            server.llm().enqueue(Reply.text("small is fine"));
            chat.message(id, "small");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    @Test
    void missingFieldsAreInvalidMessagesWithTheConversationEchoed() {
        try (ChatClient chat = server.chatAs("sloppy")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.send(Json.createObjectBuilder().add("type", "message").add("conversation_id", id).build());
            JsonObject error = chat.next();
            assertThat(error.getString("code")).isEqualTo("INVALID_MESSAGE");
            assertThat(error.getString("error")).isEqualTo("Invalid message format: \"content\" is required");
            assertThat(error.getString("conversation_id")).isEqualTo(id);
            chat.send("{\"type\":\"start_chat\"}");
            assertThat(chat.next().getString("code")).isEqualTo("INVALID_MESSAGE");
            chat.send("[1,2]");
            assertThat(chat.next().getString("code")).isEqualTo("INVALID_MESSAGE");
            chat.send("{\"type\":\"start_chat\",\"chatbot\":7}");
            JsonObject mistyped = chat.next();
            assertThat(mistyped.getString("code")).isEqualTo("INVALID_MESSAGE");
            assertThat(mistyped.getString("error")).isEqualTo("Invalid message format: \"chatbot\" must be a string");
        }
    }

    @Test
    void aBrowserFromAForeignOriginCannotOpenASocket() {
        assertThatThrownBy(() -> ChatClient.connect(server.ws("/ai/ws"), Map.of("Origin", "https://evil.example")))
                .rootCause().hasMessageContaining("403");
        try (ChatClient allowed = ChatClient.connect(server.ws("/ai/ws"), Map.of("Origin", FluxbaseServer.ALLOWED_ORIGIN))) {
            assertThat(allowed.isOpen()).isTrue();
        }
    }

    @Test
    void disabledChatbotsCannotBeStarted() {
        try (ChatClient chat = server.chatAs("someone")) {
            JsonObject error = chat.startChatAnswer(startChat("private-bot-that-does-not-exist"));
            assertThat(error.getString("code")).isEqualTo("CHATBOT_NOT_FOUND");
            assertThat(error.containsKey("conversation_id")).isFalse();
        }
    }

    private static String[] words(int count) {
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            words[i] = "word" + i + " ";
        }
        return words;
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
