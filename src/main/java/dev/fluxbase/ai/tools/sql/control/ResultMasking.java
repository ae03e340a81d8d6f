package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's outcome as the LLM may read it: the values of the masked columns replaced by their pseudonyms (a null
 * stays null: that a value is missing is no value), and, in an error, every quoted text that the statement itself does
 * not hold ({@code invalid input syntax for type integer: "alice@example.com"}) replaced by {@code "…"}.
 */
final class ResultMasking {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    /** PostgreSQL quotes values in "..." and, in key messages, as {@code (column)=(value)}. */
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"|=\\(([^)]*)\\)");

    private ResultMasking() {
    }

    /** What the LLM reads of an outcome: its masked values, or an error without the values it may quote. */
    static QueryOutcome forModel(QueryOutcome outcome, List<String> labels, String sql, Pseudonyms pseudonyms) {
        return outcome.succeeded() ? masked(outcome, labels, pseudonyms) : outcome.withError(error(outcome.error(), sql));
    }

    /** The result columns the LLM read as pseudonyms, for the audit log; null when none. */
    static String maskedNames(QueryOutcome outcome, List<String> labels) {
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < labels.size() && i < outcome.columns().size(); i++) {
            if (labels.get(i) != null) {
                masked.add(outcome.columns().get(i));
            }
        }
        return masked.isEmpty() ? null : String.join(", ", masked);
    }

    /** @param labels per column of {@code outcome}, the label of its pseudonyms, or null */
    static QueryOutcome masked(QueryOutcome outcome, List<String> labels, Pseudonyms pseudonyms) {
        if (!outcome.succeeded() || labels.stream().allMatch(label -> label == null)) {
            return outcome;
        }
        List<JsonObject> rows = new ArrayList<>(outcome.rows().size());
        for (JsonObject row : outcome.rows()) {
            JsonObjectBuilder masked = JSON.createObjectBuilder();
            for (int i = 0; i < outcome.columns().size(); i++) {
                String column = outcome.columns().get(i);
                JsonValue value = row.get(column);
                if (value == null) {
                    continue;
                }
                String label = i < labels.size() ? labels.get(i) : MaskedColumns.DEFAULT_LABEL;
                masked.add(column, label == null || value == JsonValue.NULL ? value : JSON.createValue(pseudonyms.of(label, text(value))));
            }
            rows.add(masked.build());
        }
        return outcome.withRows(rows);
    }

    /** The error text with what it quotes and the statement does not hold cut out. */
    static String error(String error, String sql) {
        if (error == null) {
            return null;
        }
        String statement = sql.toLowerCase(Locale.ROOT);
        Matcher quoted = QUOTED.matcher(error);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group(1) != null ? quoted.group(1).replace("\"\"", "\"") : quoted.group(2);
            boolean known = !inside.isEmpty() && statement.contains(inside.toLowerCase(Locale.ROOT));
            String replacement = known ? quoted.group() : quoted.group(1) != null ? "\"…\"" : "=(…)";
            quoted.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
