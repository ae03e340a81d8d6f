package dev.fluxbase.ai.tools.entity;

import jakarta.json.JsonObject;
import java.util.List;

/** What a tool tells the client while it works: progress steps and query results. */
public interface ToolEvents {

    void progress(String step, String message);

    void queryResult(String query, String summary, int rowCount, List<JsonObject> data);

    /** What a tool that is not a query returned (an MCP server's tool), as a {@code tool_result} frame. */
    default void toolOutput(String tool, String output) {
        // nobody listens by default
    }
}
