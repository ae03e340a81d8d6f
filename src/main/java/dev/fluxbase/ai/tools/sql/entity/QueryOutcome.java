package dev.fluxbase.ai.tools.sql.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The result of running one query: the rows sent to the client (at most the row cap), whether more
 * existed, or why it failed.
 */
public record QueryOutcome(boolean succeeded, List<String> columns, List<JsonObject> rows, boolean truncated,
        String error, long durationMillis) {

    public QueryOutcome {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static QueryOutcome failed(String error, long durationMillis) {
        return new QueryOutcome(false, List.of(), List.of(), false, error, durationMillis);
    }

    public int rowCount() {
        return rows.size();
    }
}
