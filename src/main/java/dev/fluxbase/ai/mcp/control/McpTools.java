package dev.fluxbase.ai.mcp.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.mcp.entity.McpCall;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.quotas.control.MinuteCounter;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tools a chatbot offers MCP clients: its {@code execute_sql} when it has that tool, and {@code search_knowledge_base}
 * when it has a knowledge base; never {@code http_get}, which would let any client make the server fetch URLs. A call
 * counts against {@code fluxbase.mcp.tool-calls-per-minute} per caller, in this instance's memory; it does not count as
 * a chat message and spends no tokens, so the chatbot's message limits and token budget do not apply.
 */
@ApplicationScoped
public class McpTools {

    @Inject
    McpSqlTool sql;

    @Inject
    McpKnowledgeTool knowledge;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.tool-calls-per-minute", defaultValue = "60")
    int callsPerMinute;

    private MinuteCounter calls;

    @PostConstruct
    void init() {
        calls = new MinuteCounter(callsPerMinute);
    }

    List<SyncToolSpecification> offeredBy(ChatbotDefinition chatbot) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        if (sql.offeredBy(chatbot)) {
            tools.add(tool(sql.definition(chatbot), (call, request) -> sql.call(call.mcp(), call.sessionId(), request.arguments())));
        }
        if (knowledge.offeredBy(chatbot)) {
            tools.add(tool(knowledge.definition(chatbot), (call, request) -> knowledge.call(call.mcp(), request.arguments())));
        }
        return tools;
    }

    private SyncToolSpecification tool(Tool tool, BiFunction<Caller, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> call(exchange, request, handler)).build();
    }

    private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request, BiFunction<Caller, CallToolRequest, CallToolResult> handler) {
        if (!(exchange.transportContext().get(McpCall.KEY) instanceof McpCall call)) {
            return ToolResults.error("The request was not authorised for this chatbot");
        }
        long retryAfter = calls.count(call.subject(), clock.now());
        if (retryAfter > 0) {
            return ToolResults.error("RATE_LIMIT_EXCEEDED: at most " + callsPerMinute + " tool calls per minute, try again in " + retryAfter + " s");
        }
        return handler.apply(new Caller(call, exchange.sessionId()), request);
    }

    /** The request's caller and chatbot, and the MCP session the call came in on. */
    private record Caller(McpCall mcp, String sessionId) {
    }
}
