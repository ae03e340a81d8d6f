package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * How many rows of a result the client's {@code query_result} frame carries: whole rows, in order, as many as
 * fit in the frame cap next to the query and the summary. The conversation stores the same rows.
 */
public final class QueryFrame {

    /** The frame's type, conversation id, field names and row count. */
    private static final int ENVELOPE_BYTES = 256;

    private QueryFrame() {
    }

    static int rowsThatFit(String sql, QueryOutcome outcome, List<String> tables, ResultLimits limits) {
        // The summary names the rows sent when they are fewer than were read; the longest such summary is reserved.
        String summary = QuerySummary.of(outcome, tables, limits, Math.max(0, outcome.rowCount() - 1));
        long room = limits.maxFrameBytes() - ENVELOPE_BYTES - jsonStringLength(sql) - jsonStringLength(summary);
        return leadingRows(outcome.rows(), room);
    }

    /** How many of the first rows make a JSON array of at most {@code maxBytes}. */
    public static int leadingRows(List<JsonObject> rows, long maxBytes) {
        long bytes = 2;
        int count = 0;
        for (JsonObject row : rows) {
            bytes += ByteText.jsonLength(row) + (count == 0 ? 0 : 1);
            if (bytes > maxBytes) {
                break;
            }
            count++;
        }
        return count;
    }

    static int jsonStringLength(String text) {
        return ByteText.jsonLength(JsonFactories.PROVIDER.createValue(text));
    }
}
