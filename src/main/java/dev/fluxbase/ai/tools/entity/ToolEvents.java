package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.tools.sql.entity.WritePreview;
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

    /** A write that PostgreSQL ran and rolled back, waiting for the user's confirmation ({@code write_preview}). */
    default void writePreview(WritePreview preview) {
        // nobody listens by default
    }

    /**
     * A query that was not run (the guard or an intent rule refused it) or that the database refused: the client
     * of a chat sees a {@code query_result} whose summary is the reason, with no rows.
     */
    default void queryRefused(String query, String reason) {
        queryResult(query, reason, 0, List.of());
    }
}
