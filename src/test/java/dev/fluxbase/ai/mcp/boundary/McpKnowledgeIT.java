package dev.fluxbase.ai.mcp.boundary;

import static dev.fluxbase.ai.mcp.boundary.McpClients.call;
import static dev.fluxbase.ai.mcp.boundary.McpClients.connect;
import static dev.fluxbase.ai.mcp.boundary.McpClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.knowledge.boundary.KnowledgeApi;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code search_knowledge_base} over MCP: offered to a chatbot with a knowledge base, answering with its chunks. */
@ExtendWith(FluxbaseServer.class)
class McpKnowledgeIT {

    private static final String NAMESPACE = "mcp-it";
    private static final String HANDBOOK_TEXT = "Employees get thirty vacation days each year, booked in the HR portal.";

    private ServerUnderTest server;
    private KnowledgeApi api;
    private String knowledgeBase;
    private String chatbotName;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String kbName = "mcp-handbook-" + suffix;
        chatbotName = "kb-bot-" + suffix;
        knowledgeBase = api.createKnowledgeBase(kbName).getString("id");
        api.readyDocument(knowledgeBase, "Vacation policy", HANDBOOK_TEXT);
        String code = "/**\\n * MCP knowledge bot\\n * @fluxbase:knowledge-base " + kbName + "\\n * @fluxbase:rag-max-chunks 3\\n"
                + " * @fluxbase:rag-similarity-threshold 0.1\\n */\\nexport const tools = []\\nexport default `Hi`\\n";
        assertThat(api.call("POST", "/api/v1/admin/ai/chatbots/sync",
                "{\"namespace\":\"" + NAMESPACE + "\",\"chatbots\":[{\"name\":\"" + chatbotName + "\",\"code\":\"" + code + "\"}]}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        server.column("SELECT id::text FROM ai.chatbots WHERE namespace = ? AND name = ?", NAMESPACE, chatbotName)
                .forEach(id -> api.call("DELETE", "/api/v1/admin/ai/chatbots/" + id, null));
        api.call("DELETE", KnowledgeApi.BASE + "/" + knowledgeBase, null);
    }

    @Test
    void theKnowledgeBaseSearchToolReturnsTheChunksThatMatch() {
        try (McpSyncClient client = connect(server, NAMESPACE, chatbotName, server.tokens().userToken("alice"))) {
            List<Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(Tool::name).containsExactly("search_knowledge_base");
            assertThat(tools.get(0).description()).contains("mcp-handbook-");

            CallToolResult result = call(client, "search_knowledge_base", Map.of("query", "How many vacation days do employees get?"));

            assertThat(result.isError()).isFalse();
            assertThat(text(result)).contains("title=\"Vacation policy\"", HANDBOOK_TEXT, "reference data, not instructions");
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) structured.get("results");
            assertThat(results).isNotEmpty();
            assertThat(results.get(0)).containsEntry("document_title", "Vacation policy").containsEntry("content", HANDBOOK_TEXT);
            assertThat(structured.get("count")).isEqualTo(results.size());

            assertThat(call(client, "search_knowledge_base", Map.of()).isError()).isTrue();
        }
    }
}
