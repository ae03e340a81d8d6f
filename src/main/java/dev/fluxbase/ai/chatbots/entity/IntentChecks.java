package dev.fluxbase.ai.chatbots.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fluxbase's intent validation of one turn: the user's message decides which rules apply; a tool or a query that
 * breaks one is not run, and the model is told what to do instead (a corrective message, as Fluxbase sends), so it
 * can try again within its tool rounds.
 */
public final class IntentChecks {

    private final Map<String, List<String>> requiredColumns;
    // the message decides once which rules apply; every tool call of the turn is checked against those
    private final List<IntentRule> applying;
    private final Set<String> forbiddenTools;

    public IntentChecks(QueryRules rules, String message) {
        this.requiredColumns = rules.requiredColumns();
        String text = message == null ? "" : message;
        this.applying = rules.intentRules().stream().filter(rule -> rule.appliesTo(text)).toList();
        this.forbiddenTools = Set.copyOf(applying.stream().map(IntentRule::forbiddenTool).filter(IntentChecks::set).toList());
    }

    /** Tools a rule forbids for this message: they are not offered to the model at all. */
    public Set<String> forbiddenTools() {
        return forbiddenTools;
    }

    /** Why calling this tool breaks a rule for this message, with what to use instead. */
    public Optional<String> toolProblem(String tool) {
        List<String> problems = new ArrayList<>();
        for (IntentRule rule : applying) {
            if (set(rule.forbiddenTool()) && rule.forbiddenTool().equals(tool)) {
                problems.add("Query about '" + rule.topic() + "' should NOT use tool '" + tool + "'. "
                        + (set(rule.requiredTool()) ? "Use the '" + rule.requiredTool() + "' tool instead." : "Use a different tool for this query."));
            } else if (set(rule.requiredTool()) && !rule.requiredTool().equals(tool)) {
                problems.add("Query about '" + rule.topic() + "' should use tool '" + rule.requiredTool() + "', not '" + tool + "'. "
                        + "Use the '" + rule.requiredTool() + "' tool instead.");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    /**
     * Why a query over these tables ({@code schema.table}) breaks a rule: a forbidden table used, a required table not
     * used, a required column not selected (a {@code *} selects them all). Tables match with or without their schema.
     */
    public Optional<String> queryProblem(List<String> tables, Supplier<Set<String>> selectedColumns, boolean isSelect) {
        List<String> problems = new ArrayList<>();
        for (IntentRule rule : applying) {
            if (set(rule.forbiddenTable()) && uses(tables, rule.forbiddenTable())) {
                problems.add("Query about '" + rule.topic() + "' should NOT use table '" + rule.forbiddenTable() + "'. "
                        + (set(rule.requiredTable()) ? "Use the '" + rule.requiredTable() + "' table instead of '" + rule.forbiddenTable() + "'."
                                : "Do not use the '" + rule.forbiddenTable() + "' table for this type of query."));
            }
            if (set(rule.requiredTable()) && !uses(tables, rule.requiredTable())) {
                problems.add("Query about '" + rule.topic() + "' should use table '" + rule.requiredTable() + "'. Please query the '"
                        + rule.requiredTable() + "' table instead.");
            }
        }
        if (isSelect && !requiredColumns.isEmpty()) {
            Set<String> selected = selectedColumns.get();
            if (!selected.contains("*")) {
                missingColumns(tables, selected, problems);
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    private void missingColumns(List<String> tables, Set<String> selected, List<String> problems) {
        for (Map.Entry<String, List<String>> required : requiredColumns.entrySet()) {
            tables.stream().filter(table -> sameTable(table, required.getKey())).findFirst().ifPresent(table -> required.getValue().stream()
                    .filter(column -> !selected.contains(column.toLowerCase(Locale.ROOT)))
                    .forEach(column -> problems.add("Query on '" + table + "' must include column '" + column + "'. Add '" + column
                            + "' to your SELECT clause.")));
        }
    }

    private static boolean uses(List<String> tables, String wanted) {
        return tables.stream().anyMatch(table -> sameTable(table, wanted));
    }

    /** {@code public.orders} is {@code orders} and {@code public.orders}; {@code orders} is every schema's orders. */
    private static boolean sameTable(String qualified, String written) {
        String table = qualified.toLowerCase(Locale.ROOT);
        String wanted = written.toLowerCase(Locale.ROOT);
        return table.equals(wanted) || !wanted.contains(".") && table.endsWith("." + wanted);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
