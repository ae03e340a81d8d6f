package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonbTextConverter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a chatbot's queries must look like beyond access: Fluxbase's intent rules, the columns a query of a table
 * must select, and the table to use when a question names none. Kept as JSON, read into values on use.
 */
@Embeddable
public class QueryRules {

    @Convert(converter = JsonbTextConverter.class)
    @Column(name = "intent_rules")
    private String intentRulesJson;
    @Convert(converter = JsonbTextConverter.class)
    @Column(name = "required_columns")
    private String requiredColumnsJson;
    @Column(name = "default_table")
    private String defaultTable;

    protected QueryRules() {
        // for JPA
    }

    private QueryRules(List<IntentRule> rules, Map<String, List<String>> requiredColumns, String defaultTable) {
        this.intentRulesJson = rulesJson(rules);
        this.requiredColumnsJson = columnsJson(requiredColumns);
        this.defaultTable = defaultTable == null || defaultTable.isBlank() ? null : defaultTable.strip();
    }

    /** No rules. */
    public static QueryRules defaults() {
        return new QueryRules(List.of(), Map.of(), null);
    }

    public List<IntentRule> intentRules() {
        return intentRulesJson == null ? List.of() : JsonFactories.readArray(intentRulesJson).getValuesAs(JsonObject.class).stream()
                .map(QueryRules::rule).toList();
    }

    /** Table (as written, perhaps schema-qualified) to the columns a query of it must select. */
    public Map<String, List<String>> requiredColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        if (requiredColumnsJson != null) {
            JsonFactories.readObject(requiredColumnsJson).forEach((table, list) -> columns.put(table,
                    list.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        }
        return columns;
    }

    public String defaultTable() {
        return defaultTable;
    }

    public boolean isEmpty() {
        return intentRules().isEmpty() && requiredColumns().isEmpty() && defaultTable == null;
    }

    public QueryRules withIntentRules(List<IntentRule> rules) {
        return new QueryRules(rules, requiredColumns(), defaultTable);
    }

    public QueryRules withRequiredColumns(Map<String, List<String>> columns) {
        return new QueryRules(intentRules(), columns, defaultTable);
    }

    public QueryRules withDefaultTable(String table) {
        return new QueryRules(intentRules(), requiredColumns(), table);
    }

    private static IntentRule rule(JsonObject json) {
        return new IntentRule(json.getJsonArray("keywords").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                json.getString("requiredTable", null), json.getString("forbiddenTable", null),
                json.getString("requiredTool", null), json.getString("forbiddenTool", null));
    }

    private static String rulesJson(List<IntentRule> rules) {
        if (rules.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        for (IntentRule rule : rules) {
            JsonObjectBuilder json = JsonFactories.PROVIDER.createObjectBuilder()
                    .add("keywords", JsonFactories.PROVIDER.createArrayBuilder(rule.keywords()));
            addIfSet(json, "requiredTable", rule.requiredTable());
            addIfSet(json, "forbiddenTable", rule.forbiddenTable());
            addIfSet(json, "requiredTool", rule.requiredTool());
            addIfSet(json, "forbiddenTool", rule.forbiddenTool());
            array.add(json);
        }
        return array.build().toString();
    }

    private static String columnsJson(Map<String, List<String>> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = JsonFactories.PROVIDER.createObjectBuilder();
        columns.forEach((table, list) -> json.add(table, JsonFactories.PROVIDER.createArrayBuilder(list)));
        return json.build().toString();
    }

    private static void addIfSet(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isBlank()) {
            json.add(key, value.strip());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryRules q && Objects.equals(intentRules(), q.intentRules()) && requiredColumns().equals(q.requiredColumns())
                && Objects.equals(defaultTable, q.defaultTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intentRules(), requiredColumns(), defaultTable);
    }

    @Override
    public String toString() {
        return "QueryRules[intentRules=" + intentRulesJson + ", requiredColumns=" + requiredColumnsJson + ", defaultTable=" + defaultTable + "]";
    }
}
