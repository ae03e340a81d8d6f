package dev.fluxbase.ai.providers.boundary;

import static dev.fluxbase.ai.providers.boundary.ProviderApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which provider a turn uses, and that an admin's change applies to the very next turn. */
@ExtendWith(FluxbaseServer.class)
class ProviderSelectionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerUnderTest server;
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

    private RecordedRequest ask(String chatbot) {
        try (ChatClient chat = server.chatAs("selection-user")) {
            String id = chat.startChat(chatbot, ProviderBots.NAMESPACE);
            llm.enqueue(Reply.text("ok"));
            chat.message(id, "which provider?");
            assertThat(chat.turn(id)).last().matches(f -> f.getString("type").equals("done"), "done");
            return llm.awaitRequest(WAIT);
        }
    }

    private String model(RecordedRequest request) {
        return request.json().getString("model");
    }

    @Test
    void theStoredDefaultServesAndEveryChangeAppliesToTheNextTurn() {
        String id = api.create("house", "openai", true, Map.of("api_key", "sk-house", "model", "gpt-house",
                "base_url", llm.openAiBaseUrl())).getString("id");
        try (ChatClient chat = server.chatAs("selection-user")) {
            String conversation = chat.startChat(ProviderBots.PLAIN, ProviderBots.NAMESPACE);
            RecordedRequest first = next(chat, conversation);
            assertThat(model(first)).isEqualTo("gpt-house");
            assertThat(first.header("Authorization")).isEqualTo("Bearer sk-house");

            api.call("PUT", BASE + "/" + id, "{\"config\":{\"model\":\"gpt-house-2\",\"api_key\":\"sk-rotated\"}}");
            RecordedRequest second = next(chat, conversation);
            assertThat(model(second)).isEqualTo("gpt-house-2");
            assertThat(second.header("Authorization")).isEqualTo("Bearer sk-rotated");

            api.call("PUT", BASE + "/" + id, "{\"enabled\":false}");
            assertThat(model(next(chat, conversation))).isEqualTo(FluxbaseServer.LLM_MODEL);

            api.call("PUT", BASE + "/" + id, "{\"enabled\":true}");
            assertThat(model(next(chat, conversation))).isEqualTo("gpt-house-2");

            api.call("DELETE", BASE + "/" + id, null);
            RecordedRequest afterDelete = next(chat, conversation);
            assertThat(model(afterDelete)).isEqualTo(FluxbaseServer.LLM_MODEL);
            assertThat(afterDelete.header("Authorization")).isEqualTo("Bearer " + FluxbaseServer.LLM_API_KEY);
        }
    }

    private RecordedRequest next(ChatClient chat, String conversation) {
        llm.enqueue(Reply.text("ok"));
        chat.message(conversation, "which provider?");
        assertThat(chat.turn(conversation)).last().matches(f -> f.getString("type").equals("done"), "done");
        return llm.awaitRequest(WAIT);
    }

    @Test
    void aChangeMadeInTheDatabaseAppliesOnceTheDatabaseAnnouncesIt() {
        api.create("house", "openai", true, Map.of("api_key", "sk-house", "model", "gpt-house", "base_url", llm.openAiBaseUrl()));
        try (ChatClient chat = server.chatAs("announced-user")) {
            String conversation = chat.startChat(ProviderBots.PLAIN, ProviderBots.NAMESPACE);
            assertThat(model(next(chat, conversation))).isEqualTo("gpt-house");

            // as another instance or a tool would change it: in the database, not through this instance
            server.execute("UPDATE ai.providers SET config = config || '{\"model\": \"gpt-elsewhere\"}'::jsonb WHERE name = 'house'");

            Eventually.await("the next turns use the changed provider", WAIT,
                    () -> model(next(chat, conversation)).equals("gpt-elsewhere"));
        }
    }

    @Test
    void aChatbotUsesTheProviderItNames() {
        api.create("it-ollama", "ollama", false, ProviderKind.OLLAMA.config(llm));
        assertThat(ask("ollama-bot").path()).isEqualTo("/api/chat");
        assertThat(ask(ProviderBots.PLAIN).path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void theAdminsChoiceOfProviderWinsOverTheNamedOne() {
        api.create("it-openai", "openai", false, ProviderKind.OPENAI.config(llm));
        String azure = api.create("it-azure", "azure", false, ProviderKind.AZURE.config(llm)).getString("id");
        String chatbot = server.column("SELECT id FROM ai.chatbots WHERE namespace = ? AND name = 'openai-bot'", ProviderBots.NAMESPACE).get(0);
        assertThat(server.call("PUT", "/api/v1/admin/ai/chatbots/" + chatbot, server.serviceKey(),
                "{\"provider_id\":\"" + azure + "\"}").status()).isEqualTo(200);

        assertThat(ask("openai-bot").path()).isEqualTo(ProviderKind.AZURE.path());
    }

    @Test
    void aNamedProviderThatDoesNotExistFallsBackToTheDefault() {
        RecordedRequest request = ask("azure-bot");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(model(request)).isEqualTo(FluxbaseServer.LLM_MODEL);
    }
}
