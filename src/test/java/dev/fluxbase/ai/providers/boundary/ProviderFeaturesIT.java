package dev.fluxbase.ai.providers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FakeEntraId;
import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What providers do beyond streaming: a whole tool round with {@code execute_sql} on every type, Azure signing in with
 * Entra ID client credentials (against the fake's token endpoint), the chatbot's own model ({@code @fluxbase:model})
 * and Ollama's context window.
 */
@ExtendWith(FluxbaseServer.class)
class ProviderFeaturesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NAMESPACE = "provider-features-it";
    private static final String TENANT = "tenant-it";
    private static final String CLIENT = "client-it";
    private static final String SECRET = "entra-secret-do-not-leak";
    private static final String SCOPE = "https://cognitiveservices.azure.com/.default";
    private static final String ENTRA = "it-entra";

    private ServerUnderTest server;
    private FakeLlmServer llm;
    private ProviderApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.llm = server.llm();
        this.api = new ProviderApi(server);
        SqlFixture.ensure(server);
        llm.reset();
        api.deleteAll();
        syncChatbots();
    }

    @AfterEach
    void tearDown() {
        server.moveClock(Duration.ZERO);
        api.deleteAll();
        llm.reset();
    }

    /** Per type a chatbot of its own model and one that queries orders, and one on the Entra ID provider. */
    private void syncChatbots() {
        JsonArrayBuilder chatbots = Json.createArrayBuilder().add(chatbot("entra-bot", ENTRA, ""));
        for (ProviderKind kind : ProviderKind.values()) {
            chatbots.add(chatbot(modelBot(kind), kind.providerName(), " * @fluxbase:model " + chatbotModel(kind) + "\n"));
            chatbots.add(chatbot(sqlBot(kind), kind.providerName(), " * @fluxbase:allowed-tables orders\n"));
        }
        String body = Json.createObjectBuilder().add("namespace", NAMESPACE).add("chatbots", chatbots)
                .add("options", Json.createObjectBuilder().add("delete_missing", true).add("dry_run", false)).build().toString();
        assertThat(server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(), body).status()).isEqualTo(200);
    }

    private static JsonObject chatbot(String name, String provider, String annotations) {
        String code = "/**\n * Provider feature bot\n *\n * @fluxbase:provider " + provider + "\n" + annotations
                + " * @fluxbase:public false\n */\nexport default `You answer about orders.`\n";
        return Json.createObjectBuilder().add("name", name).add("code", code).build();
    }

    private static String modelBot(ProviderKind kind) {
        return kind.type + "-model-bot";
    }

    private static String sqlBot(ProviderKind kind) {
        return kind.type + "-sql-bot";
    }

    private static String chatbotModel(ProviderKind kind) {
        return kind.type + "-chatbot-model";
    }

    private List<JsonObject> ask(String user, String chatbot, String question) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, NAMESPACE);
            chat.message(id, question);
            return chat.turn(id);
        }
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    private static List<JsonObject> ofType(List<JsonObject> frames, String type) {
        return frames.stream().filter(f -> f.getString("type").equals(type)).toList();
    }

    /** Tokens and model of the chatbot's latest ledger row. */
    private String booked(String chatbot) {
        return server.column("SELECT l.prompt_tokens || '/' || l.completion_tokens || '/' || l.model FROM ai.usage_ledger l "
                + "JOIN ai.chatbots c ON c.id = l.chatbot_id WHERE c.namespace = ? AND c.name = ? ORDER BY l.id DESC LIMIT 1",
                NAMESPACE, chatbot).get(0);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aToolRoundWithExecuteSqlRunsTheQueryAndBooksBothRounds(ProviderKind kind) {
        api.create(kind.providerName(), kind.type, false, kind.config(llm));
        llm.enqueue(Reply.toolCall("execute_sql", "{\"sql\":\"SELECT item, amount FROM orders ORDER BY id\"}").usage(30, 5),
                Reply.text("Two ", "orders.").usage(50, 3));

        List<JsonObject> frames = ask("alice", sqlBot(kind), "What did I order?");

        JsonObject result = ofType(frames, "query_result").get(0);
        assertThat(result.getString("query")).isEqualTo("SELECT item, amount FROM orders ORDER BY id");
        assertThat(result.getInt("row_count")).isEqualTo(2);
        assertThat(ofType(frames, "content")).extracting(f -> f.getString("delta")).containsExactly("Two ", "orders.");
        JsonObject done = last(frames);
        assertThat(done.getString("type")).isEqualTo("done");
        assertThat(done.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(80);
        assertThat(done.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(8);
        assertThat(booked(sqlBot(kind))).startsWith("80/8/");

        RecordedRequest first = llm.awaitRequest(WAIT);
        assertThat(first.path()).isEqualTo(kind.path());
        assertThat(first.body()).contains("execute_sql");
        List<WireConversation.Message> messages = WireConversation.of(kind, llm.awaitRequest(WAIT));
        WireConversation.Message call = messages.get(messages.size() - 2);
        WireConversation.Message answer = messages.get(messages.size() - 1);
        assertThat(call.calls()).extracting(WireConversation.Call::name).containsExactly("execute_sql");
        assertThat(answer.role()).isEqualTo("tool");
        assertThat(answer.content()).startsWith("Query executed successfully.").contains("Keyboard");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void theChatbotsModelIsTheOneAskedForAndBooked(ProviderKind kind) {
        api.create(kind.providerName(), kind.type, false, kind.config(llm));
        llm.enqueue(Reply.text("Hi").usage(4, 1));

        assertThat(last(ask("model-" + UUID.randomUUID(), modelBot(kind), "Hello")).getString("type")).isEqualTo("done");

        assertThat(kind.model(llm.awaitRequest(WAIT))).isEqualTo(chatbotModel(kind));
        assertThat(booked(modelBot(kind))).isEqualTo("4/1/" + chatbotModel(kind));
    }

    @Test
    void aFallbackAnswersWithItsOwnModel() {
        ProviderKind kind = ProviderKind.ANTHROPIC;
        api.create(kind.providerName(), kind.type, false, kind.config(llm));
        for (int i = 0; i < 3; i++) {
            llm.enqueue(Reply.httpError(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        }
        llm.enqueue(Reply.text("from the fallback"));

        assertThat(last(ask("fallback-" + UUID.randomUUID(), modelBot(kind), "Hello")).getString("type")).isEqualTo("done");

        List<RecordedRequest> requests = llm.requests();
        assertThat(requests).extracting(RecordedRequest::path).containsExactly(kind.path(), kind.path(), kind.path(), "/v1/chat/completions");
        assertThat(requests.subList(0, 3)).allSatisfy(r -> assertThat(r.json().getString("model")).isEqualTo(chatbotModel(kind)));
        assertThat(requests.get(3).json().getString("model")).isEqualTo(FluxbaseServer.LLM_MODEL);
    }

    @Test
    void ollamaAsksForTheContextWindowItsProviderSets() {
        Map<String, String> config = new HashMap<>(ProviderKind.OLLAMA.config(llm));
        config.put("num_ctx", "32768");
        api.create(ProviderKind.OLLAMA.providerName(), "ollama", false, config);
        llm.enqueue(Reply.text("Roomy"));

        assertThat(last(ask("ctx-" + UUID.randomUUID(), modelBot(ProviderKind.OLLAMA), "Hello")).getString("type")).isEqualTo("done");

        assertThat(llm.awaitRequest(WAIT).json().getJsonObject("options").getInt("num_ctx")).isEqualTo(32768);
    }

    private JsonObject createEntraProvider() {
        return api.create(ENTRA, "azure", false, Map.of("endpoint", llm.baseUrl(), "deployment_name", "entra-deploy",
                "tenant_id", TENANT, "client_id", CLIENT, "client_secret", SECRET, "authority_host", llm.baseUrl()));
    }

    private List<RecordedRequest> tokenRequests() {
        return llm.requests().stream().filter(r -> r.path().equals("/" + TENANT + "/oauth2/v2.0/token")).toList();
    }

    private List<RecordedRequest> chatRequests() {
        return llm.requests().stream().filter(r -> r.path().equals("/openai/deployments/entra-deploy/chat/completions")).toList();
    }

    @Test
    void anEntraIdTokenServesTurnsUntilShortlyBeforeItExpiresThenANewOneIsFetched() {
        llm.requireApiKey("az-key-nobody-sends");
        llm.entra().register(TENANT, CLIENT, SECRET, SCOPE, 3600);
        JsonObject created = createEntraProvider();
        String user = "entra-" + UUID.randomUUID();
        for (int turn = 1; turn <= 3; turn++) {
            llm.enqueue(Reply.text("Turn " + turn));
            assertThat(last(ask(user, "entra-bot", "Hello")).getString("type")).isEqualTo("done");
        }

        assertThat(tokenRequests()).hasSize(1);
        RecordedRequest tokenRequest = tokenRequests().get(0);
        assertThat(tokenRequest.formParameter("grant_type")).isEqualTo("client_credentials");
        assertThat(tokenRequest.formParameter("client_id")).isEqualTo(CLIENT);
        assertThat(tokenRequest.formParameter("client_secret")).isEqualTo(SECRET);
        assertThat(tokenRequest.formParameter("scope")).isEqualTo(SCOPE);
        assertThat(chatRequests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + FakeEntraId.token(1));
            assertThat(r.header("api-key")).isNull();
        });

        server.moveClock(Duration.ofSeconds(3600 - 240));
        llm.enqueue(Reply.text("Fresh"));
        assertThat(last(ask(user, "entra-bot", "Still there?")).getString("type")).isEqualTo("done");

        assertThat(tokenRequests()).hasSize(2);
        assertThat(chatRequests().get(3).header("Authorization")).isEqualTo("Bearer " + FakeEntraId.token(2));
        assertThat(created.getJsonObject("config").getString("client_secret")).isEqualTo("***masked***");
        assertThat(api.get(ProviderApi.BASE).body()).doesNotContain(SECRET);
        assertThat(server.column("SELECT config::text || coalesce(encode(client_secret_encrypted, 'escape'), '') FROM ai.providers")
                .get(0)).doesNotContain(SECRET).doesNotContain("entra-secret");
    }

    @Test
    void aClientSecretEntraIdRefusesIsAnAuthenticationFailureAndNoChatRequestIsMade() {
        llm.entra().register(TENANT, CLIENT, "the-real-secret", SCOPE, 3600);
        createEntraProvider();
        llm.enqueue(Reply.text("never"));

        JsonObject error = last(ask("entra-" + UUID.randomUUID(), "entra-bot", "Hello"));

        assertThat(error.getString("code")).isEqualTo("PROVIDER_AUTH_FAILED");
        assertThat(error.getString("error")).isEqualTo("Provider authentication failed");
        assertThat(tokenRequests()).hasSize(1);
        assertThat(chatRequests()).isEmpty();
        assertThat(llm.pendingReplies()).isEqualTo(1);
    }
}
