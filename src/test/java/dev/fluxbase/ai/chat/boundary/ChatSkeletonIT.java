package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton: a real WebSocket client, the real WAR, the fake provider over HTTP. */
@ExtendWith(FluxbaseServer.class)
class ChatSkeletonIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerUnderTest server;

    @BeforeEach
    void reset(ServerUnderTest server) {
        this.server = server;
        server.llm().reset();
    }

    @Test
    void streamsTheAnswerAndEndsWithTheProvidersRealUsage() {
        server.llm().enqueue(Reply.text("Hello", ", ", "world").usage(42, 7));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Hi there");
            List<JsonObject> frames = chat.turn(id);

            assertThat(frames).allSatisfy(frame -> assertThat(frame.getString("conversation_id")).isEqualTo(id));
            assertThat(frames.stream().filter(f -> f.getString("type").equals("content")).map(f -> f.getString("delta")))
                    .containsExactly("Hello", ", ", "world");
            JsonObject done = frames.get(frames.size() - 1);
            assertThat(done.getString("type")).isEqualTo("done");
            assertThat(done.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(42);
            assertThat(done.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(7);
            assertThat(done.getJsonObject("usage").getInt("total_tokens")).isEqualTo(49);
        }
    }

    @Test
    void sendsTheChatbotsPromptAndSettingsToTheProvider() {
        server.llm().enqueue(Reply.text("ok"));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "What is up?");
            chat.turn(id);
        }
        RecordedRequest request = server.llm().awaitRequest(WAIT);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FluxbaseServer.LLM_API_KEY);
        JsonObject body = request.json();
        assertThat(body.getString("model")).isEqualTo(FluxbaseServer.LLM_MODEL);
        assertThat(body.getBoolean("stream")).isTrue();
        assertThat(body.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
        assertThat(body.getInt("max_tokens")).isEqualTo(321);
        assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(0.3);
        JsonObject system = body.getJsonArray("messages").getJsonObject(0);
        assertThat(system.getString("role")).isEqualTo("system");
        assertThat(system.getString("content"))
                .startsWith("You are the skeleton bot of namespace default.")
                .contains("Keep {{unknown}} and {{ unknown }} as written; [] is a setting nobody set.")
                .doesNotContain("{{namespace}}", "{{user_id}}");
        JsonObject user = body.getJsonArray("messages").getJsonObject(1);
        assertThat(user.getString("role")).isEqualTo("user");
        assertThat(user.getString("content")).isEqualTo("What is up?");
    }

    @Test
    void aSecondTurnCarriesTheConversationSoFar() {
        server.llm().enqueue(Reply.text("Paris"), Reply.text("About 2 million"));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Capital of France?");
            chat.turn(id);
            chat.message(id, "Population?");
            chat.turn(id);
        }
        server.llm().awaitRequest(WAIT);
        List<String> second = server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().map(m -> m.getString("role") + ":" + m.getString("content")).toList();
        assertThat(second.subList(1, second.size()))
                .containsExactly("user:Capital of France?", "assistant:Paris", "user:Population?");
    }

    @Test
    void deltasReachTheClientWhileTheProviderIsStillStreaming() {
        server.llm().enqueue(Reply.text("one ", "two ", "three ", "four").chunkDelay(Duration.ofMillis(300)));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Count");
            chat.until(f -> f.getString("type").equals("content"));
            Instant firstDelta = Instant.now();
            chat.turn(id);
            // Four chunks 300 ms apart: a server that buffered the stream would deliver everything at once.
            assertThat(Duration.between(firstDelta, Instant.now())).isGreaterThan(Duration.ofMillis(600));
        }
    }

    @Test
    void aProviderAuthFailureEndsTheTurnWithAnErrorAndTheSocketStaysUsable() {
        server.llm().enqueue(Reply.httpError(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"), Reply.text("fine now"));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Hello?");
            JsonObject error = last(chat.turn(id));
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("PROVIDER_AUTH_FAILED");
            assertThat(error.getString("error")).isEqualTo("Provider authentication failed");

            chat.message(id, "Hello again?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
    }

    @Test
    void aStreamThatBreaksEndsWithAnError() {
        server.llm().enqueue(Reply.text("partial ", "answer ", "never ", "finished").disconnectAfter(2));
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            String id = chat.startChat("skeleton-bot", "default");
            chat.message(id, "Tell me");
            JsonObject end = last(chat.turn(id));
            assertThat(end.getString("type")).isEqualTo("error");
            assertThat(end.getString("code")).isEqualTo("STREAM_ERROR");
            assertThat(end.getString("error")).startsWith("The answer was interrupted: Provider stream");
        }
    }

    @Test
    void badFramesGetErrorsAndTheSocketStaysOpen() {
        try (ChatClient chat = server.chatAs("user-skeleton")) {
            chat.send("{not json");
            assertThat(chat.next().getString("code")).isEqualTo("INVALID_MESSAGE");
            chat.send("{\"type\":\"dance\"}");
            assertThat(chat.next().getString("code")).isEqualTo("UNKNOWN_TYPE");
            chat.send("{\"type\":\"start_chat\",\"chatbot\":\"no-such-bot\"}");
            JsonObject notFound = chat.next();
            assertThat(notFound.getString("code")).isEqualTo("CHATBOT_NOT_FOUND");
            assertThat(notFound.getString("error")).isEqualTo("Chatbot not found or disabled");
            chat.send("{\"type\":\"message\",\"conversation_id\":\"nope\",\"content\":\"hi\"}");
            assertThat(chat.next().getString("code")).isEqualTo("NO_SESSION");
            assertThat(chat.isOpen()).isTrue();
        }
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
