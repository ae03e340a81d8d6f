package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome.Stop;
import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The human summary of a query, shown to the client and given to the LLM: how many rows, which limit stopped
 * reading or cut values, how many rows the client was sent, the tables, and the first values of the first column.
 * It is bounded: every sample value is cut to a few hundred bytes, and the whole to {@value #MAX_BYTES} bytes.
 */
public final class QuerySummary {

    static final int MAX_BYTES = 4096;

    private static final int SAMPLE_VALUES = 3;
    private static final int SAMPLE_VALUE_BYTES = 120;

    private QuerySummary() {
    }

    /** @param clientRows how many of the rows the client is sent (the frame may hold fewer than were read) */
    public static String of(QueryOutcome outcome, List<String> tables, ResultLimits limits, int clientRows) {
        if (!outcome.succeeded()) {
            return ByteText.fit(outcome.error(), MAX_BYTES);
        }
        String accessed = "Tables accessed: [" + String.join(", ", tables) + "]";
        if (outcome.columns().isEmpty()) {
            return ByteText.fit("Statement executed successfully. " + accessed, MAX_BYTES);
        }
        if (outcome.rows().isEmpty() && outcome.stop() == Stop.NONE) {
            return ByteText.fit("Query executed successfully but returned 0 rows - no data matches your query criteria. " + accessed, MAX_BYTES);
        }
        return ByteText.fit(counts(outcome, limits) + client(outcome, limits, clientRows) + ". " + accessed + sample(outcome), MAX_BYTES);
    }

    private static String counts(QueryOutcome outcome, ResultLimits limits) {
        int rows = outcome.rowCount();
        String counts = "Query returned " + rows + " row(s)" + switch (outcome.stop()) {
            case NONE -> "";
            case ROW_CAP -> " (limited to " + limits.maxRows() + ")";
            case BYTE_BUDGET -> " (stopped after " + rows + " rows: the result exceeded " + ByteText.human(limits.maxResultBytes()) + ")";
        };
        if (outcome.cutValues() > 0) {
            counts += String.format(Locale.ROOT, "; %d value(s) longer than %s were cut", outcome.cutValues(),
                    ByteText.human(limits.maxCellBytes()));
        }
        return counts;
    }

    private static String client(QueryOutcome outcome, ResultLimits limits, int clientRows) {
        if (clientRows >= outcome.rowCount()) {
            return "";
        }
        return "; the client was sent only the first " + clientRows + " (a result is sent in at most "
                + ByteText.human(limits.maxFrameBytes()) + ")";
    }

    private static String sample(QueryOutcome outcome) {
        if (outcome.rows().isEmpty()) {
            return "";
        }
        String column = outcome.columns().get(0);
        String values = outcome.rows().stream().limit(SAMPLE_VALUES)
                .map(row -> ByteText.fit(display(row.get(column)), SAMPLE_VALUE_BYTES)).collect(Collectors.joining(", "));
        return ". Sample " + column + " values: [" + values + "]";
    }

    private static String display(JsonValue value) {
        if (value == null) {
            return "null";
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
