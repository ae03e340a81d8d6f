package dev.fluxbase.ai.mcp.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.IntentChecks;
import dev.fluxbase.ai.mcp.entity.McpCall;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.control.ToolResultCap;
import dev.fluxbase.ai.tools.entity.ToolChannel;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.control.ExecuteSqlTool;
import dev.fluxbase.ai.tools.sql.control.QueryFrame;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chatbot's {@code execute_sql} for MCP clients: the chat tool itself (its description and table section, guard,
 * intent rules, the caller's role and row-level security, timeout, result bounds and audit, recorded with the channel
 * {@code mcp} and the session's id), its result cut to the chatbot's tool-result cap as the chat's LLM reads it, and the
 * rows that fit that cap as structured content. A query the guard or the database refused is a tool error with the reason.
 */
@ApplicationScoped
public class McpSqlTool {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    /** What {@code structuredContent} holds: the query, the summary the chat's client sees, and the rows that fit the cap. */
    private static final Map<String, Object> OUTPUT = McpJson.map(JSON.createObjectBuilder()
            .add("type", "object")
            .add("properties", JSON.createObjectBuilder()
                    .add("query", JSON.createObjectBuilder().add("type", "string"))
                    .add("summary", JSON.createObjectBuilder().add("type", "string"))
                    .add("row_count", JSON.createObjectBuilder().add("type", "integer")
                            .add("description", "The rows in 'rows'; the summary says how many the query returned"))
                    .add("rows", JSON.createObjectBuilder().add("type", "array").add("items", JSON.createObjectBuilder().add("type", "object"))))
            .add("required", JSON.createArrayBuilder().add("query").add("summary").add("row_count").add("rows"))
            .build());

    @Inject
    ExecuteSqlTool executeSql;

    @Inject
    ToolResultBytes resultBytes;

    public boolean offeredBy(ChatbotDefinition chatbot) {
        return chatbot.settings().toolUse().tools().contains(ChatbotTool.EXECUTE_SQL);
    }

    public Tool definition(ChatbotDefinition chatbot) {
        ToolDefinition chat = executeSql.definition();
        boolean readOnly = chatbot.settings().sqlAccess().allowedOperations().stream().allMatch("SELECT"::equalsIgnoreCase);
        return Tool.builder(chat.name(), McpJson.map(chat.parameters()))
                .title("Query the database")
                .description(chat.description() + "\n\n" + executeSql.instructions(chatbot))
                .outputSchema(OUTPUT)
                .annotations(ToolAnnotations.builder().readOnlyHint(readOnly).destructiveHint(!readOnly).idempotentHint(readOnly)
                        .openWorldHint(false).build())
                .build();
    }

    public CallToolResult call(McpCall call, String sessionId, Map<String, Object> arguments) {
        ChatbotDefinition chatbot = call.chatbot();
        int maxBytes = resultBytes.of(chatbot);
        RecordedQuery recorded = new RecordedQuery();
        ToolContext context = new ToolContext(chatbot, sessionId, call.identity(), new CancelSignal(), recorded, maxBytes,
                new IntentChecks(chatbot.settings().queryRules(), ""), ToolChannel.MCP);
        String text = ToolResultCap.cut(executeSql.run(new ToolCall(UUID.randomUUID().toString(), ExecuteSqlTool.NAME,
                McpJson.text(arguments)), context), maxBytes);
        if (!recorded.succeeded()) {
            return ToolResults.error(text);
        }
        List<JsonObject> rows = recorded.rows();
        List<JsonObject> sample = rows.subList(0, QueryFrame.leadingRows(rows, maxBytes));
        JsonArrayBuilder data = JSON.createArrayBuilder();
        sample.forEach(data::add);
        return ToolResults.success(text, JSON.createObjectBuilder()
                .add("query", recorded.query())
                .add("summary", recorded.summary())
                .add("row_count", sample.size())
                .add("rows", data)
                .build());
    }
}
