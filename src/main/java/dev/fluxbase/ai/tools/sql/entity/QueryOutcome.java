package dev.fluxbase.ai.tools.sql.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The result of running one query: the rows read (within the row cap and the byte budget), why reading stopped
 * before the end, how many values were cut to the cell cap, or why it failed; and which table column each column shows as it
 * is, when PostgreSQL says so ({@link ColumnOrigin}).
 */
public record QueryOutcome(boolean succeeded, List<String> columns, List<JsonObject> rows, Stop stop, int cutValues,
        String error, long durationMillis, List<ColumnOrigin> origins) {

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
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** An outcome whose columns' origins are not known. */
    public QueryOutcome(boolean succeeded, List<String> columns, List<JsonObject> rows, Stop stop, int cutValues, String error,
            long durationMillis) {
        this(succeeded, columns, rows, stop, cutValues, error, durationMillis, List.of());
    }

    public static QueryOutcome failed(String error, long durationMillis) {
        return new QueryOutcome(false, List.of(), List.of(), Stop.NONE, 0, error, durationMillis, List.of());
    }

    /** The same outcome with the origins of its columns, in their order. */
    public QueryOutcome withOrigins(List<ColumnOrigin> columnOrigins) {
        return new QueryOutcome(succeeded, columns, rows, stop, cutValues, error, durationMillis, columnOrigins);
    }

    /** The same outcome with other rows (masked ones). */
    public QueryOutcome withRows(List<JsonObject> other) {
        return new QueryOutcome(succeeded, columns, other, stop, cutValues, error, durationMillis, origins);
    }

    /** The same outcome failed with another error text (a masked one). */
    public QueryOutcome withError(String other) {
        return new QueryOutcome(succeeded, columns, rows, stop, cutValues, other, durationMillis, origins);
    }

    public int rowCount() {
        return rows.size();
    }

    /** More rows existed than were read. */
    public boolean truncated() {
        return stop != Stop.NONE;
    }
}
