package dev.fluxbase.ai.chatbots.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in tools a chatbot may offer to the LLM: ours, and those of Fluxbase's MCP tool names
 * ({@code @fluxbase:mcp-tools}) that map onto them.
 */
public enum ChatbotTool {
    EXECUTE_SQL("execute_sql"),
    HTTP_GET("http_get"),
    THINK("think"),
    QUERY_TABLE("query_table"),
    INSERT_RECORD("insert_record"),
    UPDATE_RECORD("update_record"),
    DELETE_RECORD("delete_record"),
    SEARCH_VECTORS("search_vectors"),
    VECTOR_SEARCH("vector_search"),
    HTTP_REQUEST("http_request");

    private final String toolName;

    ChatbotTool(String toolName) {
        this.toolName = toolName;
    }

    public String toolName() {
        return toolName;
    }

    /** The SQL operation a tool runs for the chatbot, which its allowed operations must include; empty for other tools. */
    public Optional<String> operation() {
        return switch (this) {
            case INSERT_RECORD -> Optional.of("INSERT");
            case UPDATE_RECORD -> Optional.of("UPDATE");
            case DELETE_RECORD -> Optional.of("DELETE");
            case QUERY_TABLE -> Optional.of("SELECT");
            default -> Optional.empty();
        };
    }

    public static Optional<ChatbotTool> byName(String name) {
        return Arrays.stream(values()).filter(tool -> tool.toolName.equals(name)).findFirst();
    }
}
