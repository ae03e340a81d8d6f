package dev.fluxbase.ai.mcp.control;

import dev.fluxbase.ai.tools.entity.ToolEvents;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What {@code execute_sql} told its client during one MCP call: progress steps are dropped (an MCP client sees the
 * result only), the query's result or the reason it was refused is kept for the tool result.
 */
final class RecordedQuery implements ToolEvents {

    private String query;
    private String summary;
    private List<JsonObject> rows;
    private boolean refused;

    @Override
    public void progress(String step, String message) {
        // nothing to show: the MCP result carries the outcome
    }

    @Override
    public void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
        this.query = query;
        this.summary = summary;
        this.rows = List.copyOf(data);
    }

    @Override
    public void queryRefused(String query, String reason) {
        queryResult(query, reason, 0, List.of());
        refused = true;
    }

    /** Whether rows came back: false when the query was refused, failed, or never got that far (bad arguments). */
    boolean succeeded() {
        return rows != null && !refused;
    }

    String query() {
        return query;
    }

    String summary() {
        return summary;
    }

    List<JsonObject> rows() {
        return rows;
    }
}
