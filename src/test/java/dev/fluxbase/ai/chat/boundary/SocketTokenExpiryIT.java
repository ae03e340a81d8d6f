package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A socket holds its token to the token's lifetime: once {@code exp} plus the verification skew (60 s) has
 * passed on the server's clock, new work is refused with {@code INVALID_TOKEN} while the socket stays open.
 * The testing clock moves time instead of waiting for it.
 */
@ExtendWith(FluxbaseServer.class)
class SocketTokenExpiryIT {

    private static final Duration VALIDITY = Duration.ofSeconds(120);
    /** Past {@code exp} and the 60 s skew, with room for the seconds the test itself takes. */
    private static final Duration PAST_EXPIRY = VALIDITY.plusSeconds(60 + 30);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String EXPIRED = "Token expired: reconnect with a fresh token";

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
        server.resetClock();
    }

    @AfterEach
    void resetClock() {
        server.resetClock();
    }

    @Test
    void anExpiredTokenRefusesNewWorkButKeepsTheSocketOpenAndAFreshTokenWorks() {
        server.llm().enqueue(Reply.text("before expiry"), Reply.text("after reconnecting"));
        try (ChatClient chat = socketWithTokenValidFor(VALIDITY, "user-expiry")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");

            server.moveClock(PAST_EXPIRY);

            chat.message(id, "Still there?");
            assertExpired(chat.next(), id);
            chat.send(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", "skeleton-bot").build());
            assertExpired(chat.next(), null);
            assertThat(chat.isOpen()).as("the socket stays open after refusing").isTrue();
            assertThat(server.llm().pendingReplies()).as("no provider call after expiry").isEqualTo(1);
        }
        try (ChatClient fresh = server.chatAs("user-expiry")) {
            String id = fresh.startChat("skeleton-bot", "default");
            fresh.message(id, "Back again");
            assertThat(last(fresh.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    @Test
    void aTurnRunningWhenTheTokenExpiresEndsNormally() {
        server.llm().enqueue(Reply.text("slow", " answer").usage(5, 2).held());
        try (ChatClient chat = socketWithTokenValidFor(VALIDITY, "user-running")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Take your time");
            server.llm().awaitHeldReplies(1, WAIT);

            server.moveClock(PAST_EXPIRY);
            server.llm().releaseHeld();

            List<JsonObject> frames = chat.turn(id);
            assertThat(last(frames).getString("type")).isEqualTo("done");
            assertThat(frames).noneMatch(f -> f.getString("type").equals("error"));
        }
    }

    @Test
    void anAnonymousSocketHasNoTokenToExpire() {
        server.llm().enqueue(Reply.text("hello stranger"));
        try (ChatClient chat = ChatClient.connect(server.ws("/ai/ws"))) {
            server.moveClock(PAST_EXPIRY);
            String id = chat.startChat("open-bot", "default");
            chat.message(id, "Hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    private ChatClient socketWithTokenValidFor(Duration validity, String userId) {
        return ChatClient.connect(server.ws("/ai/ws?token=" + server.tokens().token("authenticated", userId, validity)));
    }

    private static void assertExpired(JsonObject frame, String conversationId) {
        assertThat(frame.getString("type")).isEqualTo("error");
        assertThat(frame.getString("code")).isEqualTo("INVALID_TOKEN");
        assertThat(frame.getString("error")).isEqualTo(EXPIRED);
        if (conversationId != null) {
            assertThat(frame.getString("conversation_id")).isEqualTo(conversationId);
        }
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
