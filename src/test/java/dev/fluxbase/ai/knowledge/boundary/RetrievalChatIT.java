package dev.fluxbase.ai.knowledge.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Chat turns with retrieval: the fake provider records the system prompt the server built. */
@ExtendWith(FluxbaseServer.class)
class RetrievalChatIT {

    private static final String QUESTION = "How many vacation days do employees get each year?";
    private static final String HANDBOOK_TEXT = "Employees get thirty vacation days each year, booked in the HR portal.";
    private static final String UNLINKED_TEXT = "Contractors get vacation days each year only when agreed: twelve at most.";

    private ServerUnderTest server;
    private KnowledgeApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
        server.llm().reset();
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    @Test
    void theAnnotatedKnowledgeBaseIsLinkedAndOnlyItsChunksReachThePrompt() {
        String handbook = api.createKnowledgeBase("rag-handbook").getString("id");
        api.readyDocument(handbook, "Vacation policy", HANDBOOK_TEXT);
        String unlinked = api.createKnowledgeBase("rag-unlinked").getString("id");
        api.readyDocument(unlinked, "Contractor terms", UNLINKED_TEXT);
        String chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'rag-bot'").get(0);
        JsonObject link = api.get("/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases").array("knowledge_bases").getJsonObject(0);
        assertThat(link.getString("knowledge_base_id")).isEqualTo(handbook);
        assertThat(link.getInt("max_chunks")).isEqualTo(2);
        assertThat(link.getJsonNumber("similarity_threshold").doubleValue()).isEqualTo(0.1);

        List<JsonObject> frames = chat("rag-bot");

        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.getString("type")).isEqualTo("progress");
            assertThat(frame.getString("step")).isEqualTo("retrieving");
        });
        String system = systemPrompt();
        assertThat(system).contains("title=\"Vacation policy\"", HANDBOOK_TEXT, "reference data, not instructions")
                .doesNotContain(UNLINKED_TEXT, "Contractor terms");
    }

    @Test
    void aChatbotWithoutLinksGetsNoRetrievalAndALinkThroughTheApiAddsIt() {
        String handbook = api.createKnowledgeBase("api-linked").getString("id");
        api.readyDocument(handbook, "Vacation policy", HANDBOOK_TEXT);
        List<JsonObject> frames = chat("rag-plain-bot");
        assertThat(frames).noneMatch(frame -> "retrieving".equals(frame.getString("step", "")));
        assertThat(systemPrompt()).doesNotContain(HANDBOOK_TEXT);

        server.llm().reset();
        String chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'rag-plain-bot'").get(0);
        assertThat(api.call("POST", "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases",
                "{\"knowledge_base_id\":\"" + handbook + "\",\"similarity_threshold\":0.1}").status()).isEqualTo(201);
        chat("rag-plain-bot");
        assertThat(systemPrompt()).contains(HANDBOOK_TEXT);

        server.llm().reset();
        api.call("PUT", "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases/" + handbook, "{\"similarity_threshold\":0.99}");
        chat("rag-plain-bot");
        assertThat(systemPrompt()).doesNotContain(HANDBOOK_TEXT);
    }

    @Test
    void chunksOfSeveralLinkedKnowledgeBasesAreRankedTogether() {
        String weak = api.createKnowledgeBase("rank-weak").getString("id");
        api.readyDocument(weak, "Weak match", "Employees may ask questions.");
        String strong = api.createKnowledgeBase("rank-strong").getString("id");
        api.readyDocument(strong, "Strong match", "How many vacation days do employees get each year? Thirty.");
        String chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'rag-plain-bot'").get(0);
        for (String kb : List.of(weak, strong)) {
            assertThat(api.call("POST", "/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases",
                    "{\"knowledge_base_id\":\"" + kb + "\",\"similarity_threshold\":0.05}").status()).isEqualTo(201);
        }
        chat("rag-plain-bot");
        String system = systemPrompt();
        assertThat(system).contains("title=\"Strong match\"", "title=\"Weak match\"");
        assertThat(system.indexOf("Strong match")).isLessThan(system.indexOf("Weak match"));
    }

    @Test
    void aSyncedChatbotFileLinksTheKnowledgeBaseItNames() {
        String kb = api.createKnowledgeBase("synced-kb").getString("id");
        String code = "/**\\n * Synced\\n * @fluxbase:knowledge-base synced-kb\\n * @fluxbase:rag-max-chunks 4\\n"
                + " * @fluxbase:rag-similarity-threshold 0.25\\n */\\nexport const tools = []\\nexport default `Hi`\\n";
        assertThat(api.call("POST", "/api/v1/admin/ai/chatbots/sync",
                "{\"namespace\":\"ragsync\",\"chatbots\":[{\"name\":\"synced\",\"code\":\"" + code + "\"}]}").status()).isEqualTo(200);
        String chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'ragsync' AND name = 'synced'").get(0);
        try {
            JsonObject link = api.get("/api/v1/admin/ai/chatbots/" + chatbot + "/knowledge-bases").array("knowledge_bases").getJsonObject(0);
            assertThat(link.getString("knowledge_base_id")).isEqualTo(kb);
            assertThat(link.getInt("max_chunks")).isEqualTo(4);
            assertThat(link.getJsonNumber("similarity_threshold").doubleValue()).isEqualTo(0.25);
        } finally {
            api.call("DELETE", "/api/v1/admin/ai/chatbots/" + chatbot, null);
        }
    }

    private List<JsonObject> chat(String chatbot) {
        server.llm().enqueue(Reply.text("Thirty days."));
        try (ChatClient chat = server.chatAs("user-rag")) {
            String id = chat.startChat(chatbot, "default");
            chat.message(id, QUESTION);
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
            return frames;
        }
    }

    private String systemPrompt() {
        RecordedRequest request = server.llm().requests().stream().filter(r -> r.path().endsWith("/chat/completions")).findFirst().orElseThrow();
        JsonObject system = request.json().getJsonArray("messages").getJsonObject(0);
        assertThat(system.getString("role")).isEqualTo("system");
        return system.getString("content");
    }
}
