package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chat turns through each provider type, against the fake provider speaking that type's wire format.
 * Each test stores only the provider under test; with failover on (as the test server runs), the
 * configuration provider (the fake's OpenAI endpoint) is its one fallback.
 */
@ExtendWith(FluxbaseServer.class)
class ProviderChatIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CONFIG_PATH = "/v1/chat/completions";
    private static final int ATTEMPTS = 3; // one try and the two default retries

    private ServerUnderTest server;
    /** A user of its own for each test: one user's messages would soon pass a chatbot's default rate limit of 10 a minute. */
    private final String user = "provider-user-" + UUID.randomUUID();
    private FakeLlmServer llm;
    private ProviderApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.llm = server.llm();
        this.api = new ProviderApi(server);
        api.startChatTest();
    }

    @AfterEach
    void tearDown() {
        api.endChatTest();
    }

    private void store(ProviderKind kind) {
        api.create(kind.providerName(), kind.type, false, kind.config(llm));
    }

    /** One question to the kind's chatbot: every frame of the turn. */
    private List<JsonObject> ask(ProviderKind kind, String question) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(kind.chatbot(), ProviderBots.NAMESPACE);
            chat.message(id, question);
            return chat.turn(id);
        }
    }

    private static List<String> deltas(List<JsonObject> frames) {
        return frames.stream().filter(f -> f.getString("type").equals("content")).map(f -> f.getString("delta")).toList();
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    private List<String> paths() {
        return llm.requests().stream().map(RecordedRequest::path).toList();
    }

    private static List<WireConversation.Message> messages(ProviderKind kind, RecordedRequest request) {
        return WireConversation.of(kind, request);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void streamsTextInItsOwnDialectAndReportsTheRealUsage(ProviderKind kind) {
        store(kind);
        llm.enqueue(Reply.text("Hel", "lo ", "there").usage(21, 4));
        List<JsonObject> frames = ask(kind, "Greet me");

        assertThat(deltas(frames)).containsExactly("Hel", "lo ", "there");
        JsonObject done = last(frames);
        assertThat(done.getString("type")).isEqualTo("done");
        assertThat(done.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(21);
        assertThat(done.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(4);
        assertThat(done.getJsonObject("usage").getInt("total_tokens")).isEqualTo(25);
        RecordedRequest request = llm.awaitRequest(WAIT);
        assertThat(request.path()).isEqualTo(kind.path());
        kind.assertDialect(request);
        assertThat(messages(kind, request)).extracting(WireConversation.Message::role).containsExactly("system", "user");
    }

    /**
     * More turns stream at once than the JDK keeps idle connections by default (5): the next turns
     * find every connection still open, none is made anew. The server closes each response before its
     * turn goes on, so a connection is back in the pool before the next wave. The replies have a known
     * length: a chunked response's terminating chunk may come after its last event, and one closed
     * before it arrived loses its connection (bench/RESULTS.md).
     */
    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void theNextTurnsReuseTheProvidersConnections(ProviderKind kind) throws Exception {
        store(kind);
        int atOnce = 8;
        Set<Integer> first = portsOfTurnsAtOnce(kind, atOnce);
        Set<Integer> next = portsOfTurnsAtOnce(kind, atOnce);

        assertThat(first).hasSize(atOnce);
        assertThat(next).isEqualTo(first);
    }

    /** {@code n} turns streaming at the same time, each as a user of its own: the client ports they came from. */
    private Set<Integer> portsOfTurnsAtOnce(ProviderKind kind, int n) throws Exception {
        int before = llm.requests().size();
        for (int i = 0; i < n; i++) {
            llm.enqueue(Reply.text("one", "two").chunkDelay(Duration.ofMillis(500)).withKnownLength());
        }
        ExecutorService users = Executors.newFixedThreadPool(n);
        try {
            List<Future<List<JsonObject>>> turns = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String someone = "reuse-user-" + UUID.randomUUID();
                turns.add(users.submit(() -> {
                    try (ChatClient chat = server.chatAs(someone)) {
                        String id = chat.startChat(kind.chatbot(), ProviderBots.NAMESPACE);
                        chat.message(id, "Count to two");
                        return chat.turn(id);
                    }
                }));
            }
            llm.awaitOpenStreams(n, WAIT);
            for (Future<List<JsonObject>> turn : turns) {
                assertThat(deltas(turn.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly("one", "two");
            }
        } finally {
            users.shutdownNow();
        }
        llm.awaitOpenStreams(0, WAIT);
        List<RecordedRequest> all = llm.requests();
        return all.subList(before, all.size()).stream().map(RecordedRequest::clientPort).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aToolCallGoesBackWithItsResultAndTheUsageOfBothRoundsAddsUp(ProviderKind kind) {
        store(kind);
        Reply call = Reply.toolCall("lookup", "{\"q\":1}").usage(5, 2);
        llm.enqueue(call, Reply.text("Found it").usage(7, 1));
        List<JsonObject> frames = ask(kind, "Look it up");

        assertThat(deltas(frames)).containsExactly("Found it");
        assertThat(last(frames).getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(12);
        assertThat(last(frames).getJsonObject("usage").getInt("total_tokens")).isEqualTo(15);
        llm.awaitRequest(WAIT);
        RecordedRequest second = llm.awaitRequest(WAIT);
        kind.assertDialect(second);
        List<WireConversation.Message> messages = messages(kind, second);
        WireConversation.Message assistant = messages.get(messages.size() - 2);
        WireConversation.Message result = messages.get(messages.size() - 1);
        assertThat(assistant.role()).isEqualTo("assistant");
        WireConversation.Call function = assistant.calls().get(0);
        assertThat(function.name()).isEqualTo("lookup");
        assertThat(function.arguments().getInt("q")).isEqualTo(1);
        assertThat(result.role()).isEqualTo("tool");
        assertThat(result.content()).startsWith("Error: unknown tool 'lookup'");
        if (kind.pairsToolResultsById()) {
            assertThat(function.id()).isEqualTo(call.toolCallIds().get(0));
            assertThat(result.toolCallId()).isEqualTo(call.toolCallIds().get(0));
        } else {
            assertThat(result.toolCallId()).isNull();
            assertThat(result.toolName()).isEqualTo("lookup");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void parallelToolCallsAreAnsweredInOrder(ProviderKind kind) {
        store(kind);
        Reply calls = Reply.toolCall("lookup", "{\"q\":1}").andToolCall("fetch", "{\"url\":\"https://x.example\"}");
        llm.enqueue(calls, Reply.text("Both done"));
        assertThat(last(ask(kind, "Do two things")).getString("type")).isEqualTo("done");

        llm.awaitRequest(WAIT);
        List<WireConversation.Message> messages = messages(kind, llm.awaitRequest(WAIT));
        WireConversation.Message assistant = messages.get(messages.size() - 3);
        assertThat(assistant.calls()).extracting(WireConversation.Call::name).containsExactly("lookup", "fetch");
        List<WireConversation.Message> results = messages.subList(messages.size() - 2, messages.size());
        assertThat(results).extracting(WireConversation.Message::role).containsExactly("tool", "tool");
        assertThat(results.get(0).content()).startsWith("Error: unknown tool 'lookup'");
        assertThat(results.get(1).content()).startsWith("Error: unknown tool 'fetch'");
        if (kind.pairsToolResultsById()) {
            assertThat(results).extracting(WireConversation.Message::toolCallId).containsExactlyElementsOf(calls.toolCallIds());
        } else {
            assertThat(results).extracting(WireConversation.Message::toolName).containsExactly("lookup", "fetch");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void anAuthenticationFailureIsNeitherRetriedNorFailedOver(ProviderKind kind) {
        store(kind);
        llm.enqueue(Reply.httpError(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"), Reply.text("spare"));
        JsonObject error = last(ask(kind, "Hello?"));

        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getString("code")).isEqualTo("PROVIDER_AUTH_FAILED");
        assertThat(error.getString("error")).isEqualTo("Provider authentication failed");
        assertThat(paths()).containsExactly(kind.path());
        assertThat(llm.pendingReplies()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aRateLimitIsRetriedThenSurfaced(ProviderKind kind) {
        store(kind);
        for (int i = 0; i < 2 * ATTEMPTS; i++) {
            llm.enqueue(Reply.httpError(429, "{\"error\":{\"message\":\"Rate limit reached\"}}"));
        }
        JsonObject error = last(ask(kind, "Hello?"));

        assertThat(error.getString("code")).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(error.getString("error")).isEqualTo("Provider rate limit exceeded, try again later");
        assertThat(paths()).containsExactly(kind.path(), kind.path(), kind.path(), CONFIG_PATH, CONFIG_PATH, CONFIG_PATH);
    }

    @Test
    void aShortRetryAfterIsWaitedFor() {
        store(ProviderKind.OPENAI);
        llm.enqueue(Reply.httpError(429, "{\"error\":{\"message\":\"slow down\"}}").header("Retry-After", "1"), Reply.text("patience"));
        List<JsonObject> frames = ask(ProviderKind.OPENAI, "Hello?");

        assertThat(deltas(frames)).containsExactly("patience");
        RecordedRequest first = llm.awaitRequest(WAIT);
        RecordedRequest second = llm.awaitRequest(WAIT);
        assertThat(Duration.between(first.receivedAt(), second.receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aServerErrorBeforeTheFirstTokenFailsOverToTheNextProvider(ProviderKind kind) {
        store(kind);
        for (int i = 0; i < ATTEMPTS; i++) {
            llm.enqueue(Reply.httpError(500, "{\"error\":{\"message\":\"The server had an error\"}}"));
        }
        llm.enqueue(Reply.text("from ", "the fallback"));
        List<JsonObject> frames = ask(kind, "Hello?");

        assertThat(last(frames).getString("type")).isEqualTo("done");
        assertThat(deltas(frames)).containsExactly("from ", "the fallback");
        assertThat(paths()).containsExactly(kind.path(), kind.path(), kind.path(), CONFIG_PATH);
        assertThat(llm.requests().get(3).json().getString("model")).isEqualTo(FluxbaseServer.LLM_MODEL);
        assertThat(server.column("SELECT provider_name || '/' || model FROM ai.usage_ledger WHERE user_id = ? ORDER BY id DESC LIMIT 1", user))
                .as("the ledger books the provider that answered").singleElement()
                .satisfies(booked -> assertThat(booked).endsWith("/" + FluxbaseServer.LLM_MODEL).doesNotStartWith(kind.providerName() + "/"));
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aDisconnectMidStreamEndsTheTurnWithAnErrorAndNoDone(ProviderKind kind) {
        store(kind);
        llm.enqueue(Reply.text("one ", "two ", "three ", "four").disconnectAfter(2), Reply.text("spare"));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(kind.chatbot(), ProviderBots.NAMESPACE);
            chat.message(id, "Tell me");
            List<JsonObject> frames = chat.turn(id);

            assertThat(deltas(frames)).containsExactly("one ", "two ");
            JsonObject error = last(frames);
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("STREAM_ERROR");
            chat.assertSilentFor(Duration.ofSeconds(1));
        }
        assertThat(llm.pendingReplies()).as("no failover once tokens reached the client").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aStallMidStreamTimesOutAfterTheIdleTimeout(ProviderKind kind) {
        store(kind);
        llm.enqueue(Reply.text("a ", "b ", "c").stallAfter(1), Reply.text("spare"));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(kind.chatbot(), ProviderBots.NAMESPACE);
            chat.message(id, "Tell me");
            chat.until(f -> f.getString("type").equals("content"));
            long firstDelta = System.nanoTime();
            JsonObject error = last(chat.turn(id));

            Duration waited = Duration.ofNanos(System.nanoTime() - firstDelta);
            assertThat(error.getString("code")).isEqualTo("STREAM_ERROR");
            assertThat(error.getString("error")).isEqualTo("The answer was interrupted: Provider stopped streaming: no data for 2 s");
            assertThat(waited).isBetween(Duration.ofMillis(FluxbaseServer.PROVIDER_TIMEOUT_MS - 300),
                    Duration.ofMillis(FluxbaseServer.PROVIDER_TIMEOUT_MS + 5000));
        }
        assertThat(llm.pendingReplies()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aProviderThatSendsHeadersAndThenNothingTimesOutWaitingForTheFirstToken(ProviderKind kind) {
        store(kind);
        llm.enqueue(Reply.text("never").stallAfter(0), Reply.text("never either").stallAfter(0));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(kind.chatbot(), ProviderBots.NAMESPACE);
            long asked = System.nanoTime();
            chat.message(id, "Anyone there?");
            List<JsonObject> frames = chat.turn(id);

            Duration waited = Duration.ofNanos(System.nanoTime() - asked);
            JsonObject error = last(frames);
            assertThat(deltas(frames)).isEmpty();
            assertThat(error.getString("code")).isEqualTo("PROVIDER_ERROR");
            assertThat(error.getString("error")).isEqualTo("Provider timed out waiting for the first token (2 s)");
            // The chosen provider and then its fallback each get the configured time.
            assertThat(waited).isBetween(Duration.ofMillis(2L * FluxbaseServer.PROVIDER_TIMEOUT_MS - 300),
                    Duration.ofMillis(2L * FluxbaseServer.PROVIDER_TIMEOUT_MS + 6000));
        }
        assertThat(paths()).containsExactly(kind.path(), CONFIG_PATH);
    }

    @Test
    void aCancelWhileTheProviderIsSilentEndsTheTurnAtOnce() {
        store(ProviderKind.OLLAMA);
        llm.enqueue(Reply.text("a ", "b").stallAfter(1), Reply.text("after the cancel"));
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(ProviderKind.OLLAMA.chatbot(), ProviderBots.NAMESPACE);
            chat.message(id, "Tell me");
            chat.until(f -> f.getString("type").equals("content"));
            long asked = System.nanoTime();
            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));

            chat.message(id, "Still there?");
            assertThat(deltas(chat.turn(id))).containsExactly("after the cancel");
        }
    }
}
