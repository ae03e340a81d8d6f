package dev.fluxbase.ai.tools.sql.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The result of running one query: the rows read (within the row cap and the byte budget), why reading stopped
 * before the end, how many values were cut to the cell cap, or why it failed.
 */
public record QueryOutcome(boolean succeeded, List<String> columns, List<JsonObject> rows, Stop stop, int cutValues,
        String error, long durationMillis) {

    /** Why rows were left unread. */
    public enum Stop {
        /** every row was read */
        NONE,
        /** more rows than the row cap */
        ROW_CAP,
        /** the rows read reached the byte budget */
        BYTE_BUDGET
    }

    public QueryOutcome {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
        stop = stop == null ? Stop.NONE : stop;
    }

    public static QueryOutcome failed(String error, long durationMillis) {
        return new QueryOutcome(false, List.of(), List.of(), Stop.NONE, 0, error, durationMillis);
    }

    public int rowCount() {
        return rows.size();
    }

    /** More rows existed than were read. */
    public boolean truncated() {
        return stop != Stop.NONE;
    }
}
