package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance stopped with SIGTERM: it reports itself not ready, running turns finish within the grace
 * period, the others end with {@code SHUTTING_DOWN}, new messages are refused, nothing stored is lost and
 * every client sees its socket closed with 1001 (going away), not torn.
 */
@ExtendWith(FluxbaseServer.class)
class GracefulShutdownIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOT = "persisted-bot";
    private static final int GRACE_MS = 6000;

    @Test
    void sigtermLetsRunningTurnsFinishRefusesNewOnesAndEndsTheRestAfterTheGracePeriod(ServerUnderTest server) throws Exception {
        server.llm().reset();
        String tag = UUID.randomUUID().toString();
        try (DisposableInstance instance = server.startDisposableInstance(Map.of(
                "FLUXBASE_SHUTDOWN_GRACE_MS", String.valueOf(GRACE_MS),
                // the stalled turn must outlive the grace period, not the provider's idle deadline
                "FLUXBASE_AI_PROVIDER_IDLE_TIMEOUT_MS", "60000"));
                ChatClient finishing = instance.server().chatAs("finishing-" + tag);
                ChatClient stalled = instance.server().chatAs("stalled-" + tag);
                ChatClient late = instance.server().chatAs("late-" + tag)) {
            String finishingId = finishing.startChat(BOT, "default");
            String stalledId = stalled.startChat(BOT, "default");
            String lateId = late.startChat(BOT, "default");
            server.llm().enqueue(Reply.text("one ", "two ", "three ", "four ", "five ", "six").chunkDelay(Duration.ofMillis(500)).usage(20, 6));
            finishing.message(finishingId, "Count to six slowly");
            finishing.until(f -> f.getString("type").equals("content"));
            server.llm().enqueue(Reply.text("I will never ", "finish").stallAfter(1));
            stalled.message(stalledId, "Tell me everything");
            stalled.until(f -> f.getString("type").equals("content"));

            long sigterm = System.nanoTime();
            instance.terminate();
            Eventually.await("the shutdown to begin", WAIT, () -> refusesNewChats(late));
            HttpResponse<String> readiness = instance.server().get("/health/ready");
            late.message(lateId, "Anyone there?");
            JsonObject refused = last(late.turn(lateId));

            List<JsonObject> finished = finishing.turn(finishingId);
            List<JsonObject> ended = stalled.turn(stalledId);
            long endedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);

            // Payara answers the readiness probe 503 from the moment it stops, so balancers route new chats elsewhere
            assertThat(readiness.statusCode()).as("not ready while draining: %s", readiness.body()).isEqualTo(503);
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("SHUTTING_DOWN");
            assertThat(refused.getString("error")).isEqualTo("The server is shutting down; reconnect to continue");
            assertThat(last(finished).getString("type")).isEqualTo("done");
            assertThat(text(finished)).isEqualTo("two three four five six");
            assertThat(last(ended).getString("code")).isEqualTo("SHUTTING_DOWN");
            assertThat(endedAfterMs).isGreaterThanOrEqualTo(GRACE_MS);
            for (ChatClient client : List.of(finishing, stalled, late)) {
                assertThat(client.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
            }
            assertThat(instance.awaitExit(WAIT)).isNotEqualTo(137);

            assertThat(server.column("SELECT role || ':' || content FROM ai.messages WHERE conversation_id = ?::uuid ORDER BY ordinal", finishingId))
                    .containsExactly("user:Count to six slowly", "assistant:one two three four five six");
            assertThat(server.column("SELECT role || ':' || content FROM ai.messages WHERE conversation_id = ?::uuid ORDER BY ordinal", stalledId))
                    .containsExactly("user:Tell me everything");
            assertThat(server.column("SELECT outcome || ':' || coalesce(error_code, '-') FROM ai.usage_ledger WHERE conversation_id = ?::uuid", stalledId))
                    .containsExactly("error:SHUTTING_DOWN");
            assertThat(server.column("SELECT count(*)::text FROM ai.messages WHERE conversation_id = ?::uuid", lateId)).containsExactly("0");
            assertThat(instance.log()).contains("[fluxbase] Shutting down: 2 running chat turn(s) get 6000 ms to finish",
                    "[fluxbase] Ending 1 chat turn(s) still running after the grace period", "[fluxbase] Closing 3 chat socket(s)");
        }
    }

    /** A start_chat answered SHUTTING_DOWN; until then it starts a chat that stores nothing. */
    private static boolean refusesNewChats(ChatClient client) {
        JsonObject answer = client.startChatAnswer(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", "open-bot").build());
        return "SHUTTING_DOWN".equals(answer.getString("code", null));
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    /** The text of the content frames after the first one, which arrived before the SIGTERM. */
    private static String text(List<JsonObject> frames) {
        return String.join("", frames.stream().filter(f -> f.getString("type").equals("content")).map(f -> f.getString("delta", f.getString("content", ""))).toList());
    }
}
