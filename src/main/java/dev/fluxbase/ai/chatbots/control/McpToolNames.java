package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import java.util.Map;
import java.util.Optional;

/**
 * Fluxbase's built-in MCP tool names ({@code internal/ai/mcp_tools.go}), as {@code @fluxbase:mcp-tools} lists them: those
 * this server has a tool for map onto it, under the same name; the others are Fluxbase features this server does
 * not have (edge functions, RPC, jobs, storage), named so that the warning says so.
 */
final class McpToolNames {

    private static final Map<String, ChatbotTool> MAPPED = Map.of(
            "execute_sql", ChatbotTool.EXECUTE_SQL,
            "query_table", ChatbotTool.QUERY_TABLE,
            "insert_record", ChatbotTool.INSERT_RECORD,
            "update_record", ChatbotTool.UPDATE_RECORD,
            "delete_record", ChatbotTool.DELETE_RECORD,
            "search_vectors", ChatbotTool.SEARCH_VECTORS,
            "vector_search", ChatbotTool.VECTOR_SEARCH,
            "http_request", ChatbotTool.HTTP_REQUEST,
            "think", ChatbotTool.THINK);

    private static final Map<String, String> NOT_HERE = Map.of(
            "invoke_function", "edge functions",
            "invoke_rpc", "RPC procedures",
            "submit_job", "background jobs",
            "get_job_status", "background jobs",
            "list_objects", "storage buckets",
            "upload_object", "storage buckets",
            "download_object", "storage buckets",
            "delete_object", "storage buckets");

    private McpToolNames() {
    }

    static Optional<ChatbotTool> tool(String fluxbaseName) {
        return Optional.ofNullable(MAPPED.get(fluxbaseName));
    }

    /** Why a name that maps onto no tool here is left out, for its load warning. */
    static String whyNot(String fluxbaseName) {
        String feature = NOT_HERE.get(fluxbaseName);
        return feature == null
                ? "@fluxbase:mcp-tools " + fluxbaseName + " is not one of Fluxbase's MCP tools, ignored"
                : "@fluxbase:mcp-tools " + fluxbaseName + " needs Fluxbase's " + feature + ", which this server does not have: not offered";
    }
}
