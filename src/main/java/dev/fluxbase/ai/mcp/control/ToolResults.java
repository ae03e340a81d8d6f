package dev.fluxbase.ai.mcp.control;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.json.JsonObject;

/** The two shapes of an MCP tool result: an error the client's model reads, or text with the same data as structured content. */
final class ToolResults {

    private ToolResults() {
    }

    static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    static CallToolResult success(String text, JsonObject structured) {
        return CallToolResult.builder().addTextContent(text).structuredContent(McpJson.map(structured)).isError(false).build();
    }
}
