package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A socket holds its token to the token's lifetime: once {@code exp} plus the verification skew (60 s) has
 * passed, new work is refused with {@code INVALID_TOKEN} while the socket stays open. Token times are wall-clock
 * times (the testing clock does not move them), so each test mints a token whose {@code exp} lies just far enough
 * in the past that the skew still admits it for a few seconds, and waits for those seconds to pass.
 */
@ExtendWith(FluxbaseServer.class)
class SocketTokenExpiryIT {

    /** {@code FLUXBASE_JWT_CLOCK_SKEW_SECONDS} of the test server: its default. */
    private static final Duration SKEW = Duration.ofSeconds(60);
    /** How long a token minted here is still accepted: room for opening a socket and starting a turn. */
    private static final Duration STILL_ACCEPTED = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String EXPIRED = "Token expired: reconnect with a fresh token";

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    @Test
    void anExpiredTokenRefusesNewWorkButKeepsTheSocketOpenAndAFreshTokenWorks() {
        server.llm().enqueue(Reply.text("before expiry"), Reply.text("after reconnecting"));
        Instant acceptedUntil = Instant.now().plus(STILL_ACCEPTED);
        try (ChatClient chat = socketWithTokenAcceptedUntil(acceptedUntil, "user-expiry")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Hi");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");

            awaitPast(acceptedUntil);

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

    /** The answer streams a delta every half second (inside the provider's idle timeout) until well past expiry. */
    @Test
    void aTurnRunningWhenTheTokenExpiresEndsNormally() {
        String[] deltas = new String[16];
        Arrays.fill(deltas, "more ");
        server.llm().enqueue(Reply.text(deltas).usage(5, 16).chunkDelay(Duration.ofMillis(500)));
        Instant acceptedUntil = Instant.now().plus(STILL_ACCEPTED);
        try (ChatClient chat = socketWithTokenAcceptedUntil(acceptedUntil, "user-running")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Take your time");

            List<JsonObject> frames = chat.turn(id);

            assertThat(Instant.now()).as("the turn outlived the token").isAfter(acceptedUntil);
            assertThat(last(frames).getString("type")).isEqualTo("done");
            assertThat(frames).noneMatch(f -> f.getString("type").equals("error"));
        }
    }

    /** A token whose {@code exp} plus the skew is {@code acceptedUntil}: already expired, still within the tolerance. */
    private ChatClient socketWithTokenAcceptedUntil(Instant acceptedUntil, String userId) {
        Duration validity = Duration.between(Instant.now(), acceptedUntil.minus(SKEW));
        return ChatClient.connect(server.ws("/ai/ws?token=" + server.tokens().token("authenticated", userId, validity)));
    }

    /** Token expiry is wall-clock time: the only way past it is to let it pass (a few seconds). */
    private static void awaitPast(Instant instant) {
        Eventually.await("the token's tolerance to run out", WAIT, () -> Instant.now().isAfter(instant.plusMillis(100)));
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
