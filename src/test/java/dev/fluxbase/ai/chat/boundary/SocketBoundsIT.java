package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RawWebSocket;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one socket may cost: conversations per socket, new conversations per caller and minute, nothing
 * stored before a conversation's first admitted message, and frames too large or binary refused with a
 * clear error and close code.
 */
@ExtendWith(FluxbaseServer.class)
class SocketBoundsIT {

    private static final String STORED_BOT = "persisted-bot";
    private static final int FIVE_MB = 5 * 1024 * 1024;

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    @Test
    void aSocketHoldsAHundredConversationsAndOnlyThoseWithAMessageAreStored() {
        String user = "many-" + UUID.randomUUID();
        try (ChatClient chat = server.chatAs(user)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(chat.startChat(STORED_BOT, "default"));
            }
            JsonObject refused = chat.startChatAnswer(startChat(STORED_BOT));
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("TOO_MANY_CONVERSATIONS");
            assertThat(refused.getString("error")).isEqualTo("Too many conversations on this connection: the limit is 100");
            assertThat(server.column("SELECT count(*)::text FROM ai.conversations WHERE user_id = ?", user)).containsExactly("0");

            JsonObject resumed = chat.startChatAnswer(resume(STORED_BOT, ids.get(0)));
            assertThat(resumed.getString("type")).as("a conversation the socket holds does not count again").isEqualTo("chat_started");
            assertThat(resumed.getString("conversation_id")).isEqualTo(ids.get(0));
            server.llm().enqueue(Reply.text("Still here."));
            chat.message(ids.get(0), "Are you there?");
            assertThat(last(chat.turn(ids.get(0))).getString("type")).isEqualTo("done");
            assertThat(chat.isOpen()).isTrue();
        }
        assertThat(server.column("SELECT id::text || '|' || title || '|' || turn_count FROM ai.conversations WHERE user_id = ?", user))
                .hasSize(1).first().asString().endsWith("|Are you there?|1");
        assertThat(server.column("SELECT role FROM ai.messages m JOIN ai.conversations c ON c.id = m.conversation_id WHERE c.user_id = ? "
                + "ORDER BY ordinal", user)).containsExactly("user", "assistant");
    }

    @Test
    void aConversationIsStoredUnderItsIdOnlyOnceItsFirstMessageIsAdmitted() {
        // at the start of a minute, so that the chatbot's two messages a minute stay used up during the test
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1);
        server.moveClockTo(minute);
        String user = "first-message-" + UUID.randomUUID();
        String refusedId;
        try (ChatClient chat = server.chatAs(user)) {
            String admittedId = chat.startChat("tight-history-bot", "default");
            refusedId = chat.startChat("tight-history-bot", "default");
            try (ChatClient other = server.chatAs(user)) {
                assertThat(other.startChatAnswer(resume("tight-history-bot", admittedId)).getString("code"))
                        .as("not stored yet: only its own socket knows it").isEqualTo("CONVERSATION_NOT_FOUND");
            }
            for (int i = 0; i < 2; i++) {
                server.llm().enqueue(Reply.text("ok"));
                chat.message(admittedId, "question " + i);
                assertThat(last(chat.turn(admittedId)).getString("type")).isEqualTo("done");
            }
            assertThat(server.column("SELECT turn_count::text FROM ai.conversations WHERE id = ?::uuid", admittedId)).containsExactly("2");

            chat.message(refusedId, "Refused at once");
            assertThat(last(chat.turn(refusedId)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(server.column("SELECT count(*)::text FROM ai.conversations WHERE id = ?::uuid", refusedId)).containsExactly("0");
            assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", refusedId)).containsExactly("0");

            JsonObject again = chat.startChatAnswer(resume("tight-history-bot", refusedId));
            assertThat(again.getString("type")).as("its own socket resumes it").isEqualTo("chat_started");
            assertThat(again.getString("conversation_id")).isEqualTo(refusedId);
            try (ChatClient other = server.chatAs(user)) {
                assertThat(other.startChatAnswer(resume("tight-history-bot", refusedId)).getString("code")).isEqualTo("CONVERSATION_NOT_FOUND");
            }

            server.moveClockTo(minute.plus(Duration.ofMinutes(1)));
            server.llm().enqueue(Reply.text("Now it is."));
            chat.message(refusedId, "Admitted now?");
            assertThat(last(chat.turn(refusedId)).getString("type")).isEqualTo("done");
        }
        assertThat(server.column("SELECT user_id || '|' || title || '|' || turn_count FROM ai.conversations WHERE id = ?::uuid", refusedId))
                .containsExactly(user + "|Admitted now?|1");
        try (ChatClient other = server.chatAs(user)) {
            assertThat(other.startChatAnswer(resume("tight-history-bot", refusedId)).getString("type"))
                    .as("stored: any socket of its owner resumes it").isEqualTo("chat_started");
        }
    }

    @Test
    void newConversationsPerCallerAndMinuteAreLimitedPerInstance() {
        try (DisposableInstance instance = server.startDisposableInstance(Map.of("FLUXBASE_CHAT_START_CHAT_PER_MINUTE", "3"))) {
            ServerUnderTest limited = instance.server();
            moveClockOf(limited, Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plusSeconds(1));
            String user = "starter-" + UUID.randomUUID();
            try (ChatClient first = limited.chatAs(user); ChatClient second = limited.chatAs(user)) {
                for (int i = 0; i < 5; i++) {
                    assertThat(first.startChatAnswer(startChat("no-such-bot")).getString("code"))
                            .as("refused start_chats do not count").isEqualTo("CHATBOT_NOT_FOUND");
                }
                String held = first.startChat("skeleton-bot", "default");
                first.startChat("skeleton-bot", "default");
                assertThat(first.startChatAnswer(resume("skeleton-bot", held)).getString("conversation_id"))
                        .as("resuming a conversation of the socket is no new one").isEqualTo(held);
                second.startChat("skeleton-bot", "default");

                JsonObject refused = second.startChatAnswer(startChat("skeleton-bot"));
                assertThat(refused.getString("code")).as("the limit is per caller, across sockets").isEqualTo("RATE_LIMIT_EXCEEDED");
                long retryAfter = refused.getJsonNumber("retry_after").longValue();
                assertThat(retryAfter).isBetween(1L, 60L);
                assertThat(refused.getString("error")).isEqualTo("Too many new conversations, try again in " + retryAfter + " s");
                assertThat(first.startChatAnswer(startChat("skeleton-bot")).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");

                try (ChatClient someoneElse = limited.chatAs("other-" + UUID.randomUUID())) {
                    assertThat(someoneElse.startChat("skeleton-bot", "default")).isNotBlank();
                }
                moveClockOf(limited, Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2)).plusSeconds(1));
                assertThat(second.startChat("skeleton-bot", "default")).as("a new minute").isNotBlank();
            }

            try (ChatClient anonymous = ChatClient.connect(limited.ws("/ai/ws"), Map.of("X-Forwarded-For", "198.51.100.7"))) {
                for (int i = 0; i < 3; i++) {
                    anonymous.startChat("open-bot", "default");
                }
                assertThat(anonymous.startChatAnswer(startChat("open-bot")).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
            }
            try (ChatClient sameAddress = ChatClient.connect(limited.ws("/ai/ws"), Map.of("X-Forwarded-For", "198.51.100.7"));
                    ChatClient otherAddress = ChatClient.connect(limited.ws("/ai/ws"), Map.of("X-Forwarded-For", "198.51.100.8"))) {
                assertThat(sameAddress.startChatAnswer(startChat("open-bot")).getString("code"))
                        .as("anonymous callers are counted by address").isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(otherAddress.startChat("open-bot", "default")).isNotBlank();
            }
        }
    }

    @Test
    void aFiveMegabyteFrameGetsMessageTooLargeAndCloseCode1009() {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws("/ai/ws?token=" + server.tokens().userToken("huge-frame")))) {
            raw.sendFrameInBackground(RawWebSocket.TEXT, messageFrame(FIVE_MB));
            JsonObject error = raw.next().json();
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(error.getString("error")).isEqualTo("Message too large: the limit is 65536 bytes");
            assertThat(raw.next().closeCode()).isEqualTo(1009);
        }
        assertThat(FluxbaseServer.firstInstanceLog()).as("no stack trace of Tyrus' buffer overflow").doesNotContain("Buffer overflow");
        assertServesANewSocket();
    }

    @Test
    void aFiveMegabyteMessageInManyFramesGetsMessageTooLargeAndCloseCode1009() {
        try (ChatClient chat = server.chatAs("huge-message")) {
            chat.sendCutShort(new String(messageFrame(FIVE_MB), StandardCharsets.UTF_8));
            assertThat(chat.next().getString("code")).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(chat.awaitCloseCode()).isEqualTo(1009);
        }
        assertServesANewSocket();
    }

    @Test
    void aThreeMegabyteFrameGetsMessageTooLargeAndTheSocketStaysOpen() {
        try (RawWebSocket raw = RawWebSocket.connect(server.ws("/ai/ws?token=" + server.tokens().userToken("big-frame")))) {
            raw.sendFrame(RawWebSocket.TEXT, messageFrame(3 * 1024 * 1024));
            assertThat(raw.next().json().getString("code")).isEqualTo("MESSAGE_TOO_LARGE");
            raw.sendText(startChat("skeleton-bot").toString());
            assertThat(raw.next().json().getString("type")).isEqualTo("chat_started");
        }
    }

    @Test
    void aBinaryFrameGetsInvalidMessageAndCloseCode1003() {
        try (ChatClient chat = server.chatAs("binary")) {
            chat.startChat("skeleton-bot", "default");
            chat.sendBinary(startChat("skeleton-bot").toString().getBytes(StandardCharsets.UTF_8));
            JsonObject error = chat.next();
            assertThat(error.getString("code")).isEqualTo("INVALID_MESSAGE");
            assertThat(error.getString("error")).isEqualTo("Binary frames are not supported; send JSON text frames");
            assertThat(error.containsKey("conversation_id")).isFalse();
            assertThat(chat.awaitCloseCode()).isEqualTo(1003);
        }
        assertServesANewSocket();
    }

    private void assertServesANewSocket() {
        server.llm().enqueue(Reply.text("Fine."));
        try (ChatClient chat = server.chatAs("after-" + UUID.randomUUID())) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "All well?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    /** A message frame with content of about {@code bytes}. */
    private static byte[] messageFrame(int bytes) {
        return Json.createObjectBuilder().add("type", "message").add("conversation_id", UUID.randomUUID().toString())
                .add("content", "x".repeat(bytes)).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A disposable instance is none of the run's instances that {@link ServerUnderTest#moveClockTo} moves. */
    private static void moveClockOf(ServerUnderTest instance, Instant instant) {
        long seconds = Math.floorDiv(Duration.between(Instant.now(), instant).toMillis(), 1000) + 1;
        assertThat(instance.call("PUT", "/api/v1/admin/ai/testing/clock", instance.serviceKey(), "{\"offset_seconds\":" + seconds + "}")
                .status()).isEqualTo(200);
    }

    private static JsonObject startChat(String chatbot) {
        return Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", "default").build();
    }

    private static JsonObject resume(String chatbot, String id) {
        return Json.createObjectBuilder(startChat(chatbot)).add("conversation_id", id).build();
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
