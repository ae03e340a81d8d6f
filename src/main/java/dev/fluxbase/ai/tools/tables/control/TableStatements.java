package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statements of Fluxbase's table tools, built from their arguments as Fluxbase's MCP tools take them
 * ({@code internal/mcp/tools/query_table.go}, {@code crud.go}): every identifier quoted, every value a placeholder.
 * The statement then passes the same SQL guard as the model's own SQL, so a select expression can do no more than
 * {@code execute_sql} could.
 */
final class TableStatements {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Map<String, String> COMPARISONS = Map.of("eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=",
            "like", "LIKE", "ilike", "ILIKE", "cs", "@>", "cd", "<@");

    private TableStatements() {
    }

    /** {@code query_table}: table, select, filter, order, limit (default 100, at most 1000), offset. */
    static BoundStatement select(JsonFields arguments) {
        if (arguments.has("vector_search") && arguments.object("vector_search").isPresent()) {
            throw arguments.invalid("vector_search", "left out: vector search over a table is not supported here, use search_vectors");
        }
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList(arguments)).append(" FROM ").append(table(arguments));
        where(sql, arguments, parameters, false);
        String order = arguments.nonBlankText("order").orElse("");
        if (!order.isBlank()) {
            sql.append(" ORDER BY ").append(orderBy(order, arguments));
        }
        int limit = Math.max(1, Math.min(MAX_LIMIT, arguments.integer("limit").orElse(DEFAULT_LIMIT)));
        sql.append(" LIMIT ").append(limit);
        int offset = arguments.integer("offset", 0, Integer.MAX_VALUE).orElse(0);
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
        return new BoundStatement(sql.toString(), parameters);
    }

    /** {@code insert_record}: table, data, returning. */
    static BoundStatement insert(JsonFields arguments) {
        JsonObject data = data(arguments);
        List<String> columns = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        data.forEach((column, value) -> {
            columns.add(quote(column));
            parameters.add(text(value));
        });
        String sql = "INSERT INTO " + table(arguments) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") RETURNING " + returning(arguments);
        return new BoundStatement(sql, parameters);
    }

    /** {@code update_record}: table, data, filter (required, so that no update reaches every row by mistake), returning. */
    static BoundStatement update(JsonFields arguments) {
        JsonObject data = data(arguments);
        List<String> assignments = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        data.forEach((column, value) -> {
            assignments.add(quote(column) + " = ?");
            parameters.add(text(value));
        });
        StringBuilder sql = new StringBuilder("UPDATE ").append(table(arguments)).append(" SET ").append(String.join(", ", assignments));
        where(sql, arguments, parameters, true);
        return new BoundStatement(sql.append(" RETURNING ").append(returning(arguments)).toString(), parameters);
    }

    /** {@code delete_record}: table, filter (required), returning. */
    static BoundStatement delete(JsonFields arguments) {
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table(arguments));
        where(sql, arguments, parameters, true);
        return new BoundStatement(sql.append(" RETURNING ").append(returning(arguments)).toString(), parameters);
    }

    /** {@code public.orders} or {@code orders}; an unqualified table resolves against the chatbot's schemas, as in execute_sql. */
    static String table(JsonFields arguments) {
        String table = arguments.requiredText("table").strip();
        int dot = table.indexOf('.');
        if (dot < 0) {
            return quote(table);
        }
        String schema = table.substring(0, dot);
        String name = table.substring(dot + 1);
        if (schema.isBlank() || name.isBlank()) {
            throw arguments.invalid("table", "a table name, optionally schema-qualified (public.orders)");
        }
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** {@code *}, column names (quoted), or expressions such as {@code count(*)}, which the SQL guard checks as any query. */
    private static String selectList(JsonFields arguments) {
        String select = arguments.nonBlankText("select").orElse("*").strip();
        if (select.equals("*")) {
            return "*";
        }
        List<String> items = new ArrayList<>();
        for (String item : topLevelItems(select)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains(";") || trimmed.contains("--") || trimmed.contains("/*") || trimmed.contains("*/")) {
                throw arguments.invalid("select", "columns or expressions without ';' or comments");
            }
            items.add(trimmed.equals("*") || !IDENTIFIER.matcher(trimmed).matches() ? trimmed : quote(trimmed));
        }
        if (items.isEmpty()) {
            return "*";
        }
        return String.join(", ", items);
    }

    /** Splits at the commas outside parentheses and quotes: {@code round(total, 2), id}. */
    private static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        items.add(list.substring(start));
        return items;
    }

    private static void where(StringBuilder sql, JsonFields arguments, List<String> parameters, boolean required) {
        JsonObject filter = arguments.object("filter").orElse(JsonValue.EMPTY_JSON_OBJECT);
        if (filter.isEmpty()) {
            if (required) {
                throw arguments.invalid("filter", "a non-empty object (so that no change reaches every row by mistake)");
            }
            return;
        }
        List<String> conditions = new ArrayList<>();
        filter.forEach((column, value) -> {
            if (!(value instanceof JsonString text)) {
                throw arguments.invalid("filter", "an object of \"column\": \"operator.value\" strings");
            }
            conditions.add(condition(column, text.getString(), parameters, arguments));
        });
        sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }

    /** One filter, {@code "gt.18"}, {@code "in.(a,b)"}, {@code "is.null"}: Fluxbase's operators. */
    static String condition(String column, String filter, List<String> parameters, JsonFields arguments) {
        int dot = filter.indexOf('.');
        if (dot <= 0) {
            throw arguments.invalid("filter", "\"operator.value\" for " + column + ", got '" + filter + "'");
        }
        String operator = filter.substring(0, dot).toLowerCase(Locale.ROOT);
        String value = filter.substring(dot + 1);
        String quoted = quote(column);
        String comparison = COMPARISONS.get(operator);
        if (comparison != null) {
            parameters.add(value);
            return quoted + " " + comparison + " ?";
        }
        return switch (operator) {
            case "in" -> {
                parameters.add(arrayLiteral(value));
                yield quoted + " = ANY(?)";
            }
            case "nin" -> {
                parameters.add(arrayLiteral(value));
                yield quoted + " <> ALL(?)";
            }
            case "ov" -> {
                parameters.add(value);
                yield quoted + " && ?";
            }
            case "is", "isnot" -> quoted + (operator.equals("is") ? " IS " : " IS NOT ") + truthValue(value, column, arguments);
            default -> throw arguments.invalid("filter", "one of the operators eq, neq, gt, gte, lt, lte, like, ilike, in, nin, is, isnot, "
                    + "cs, cd, ov for " + column + ", got '" + operator + "'");
        };
    }

    private static String truthValue(String value, String column, JsonFields arguments) {
        String word = value.strip().toUpperCase(Locale.ROOT);
        if (!word.equals("NULL") && !word.equals("TRUE") && !word.equals("FALSE")) {
            throw arguments.invalid("filter", "is.null, is.true or is.false for " + column + ", got '" + value + "'");
        }
        return word;
    }

    /** {@code (a,b,c)} as a PostgreSQL array literal, which PostgreSQL reads as an array of the column's type. */
    static String arrayLiteral(String list) {
        String inner = list.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> elements = new ArrayList<>();
        for (String element : inner.split(",", -1)) {
            elements.add("\"" + element.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "{" + String.join(",", elements) + "}";
    }

    /** {@code col.desc,col2} or {@code col desc, col2 asc}. */
    private static String orderBy(String order, JsonFields arguments) {
        List<String> parts = new ArrayList<>();
        for (String item : order.split(",")) {
            String part = item.strip();
            if (part.isEmpty()) {
                continue;
            }
            String lower = part.toLowerCase(Locale.ROOT);
            boolean descending = lower.endsWith(".desc") || lower.endsWith(" desc");
            boolean explicit = descending || lower.endsWith(".asc") || lower.endsWith(" asc");
            String column = explicit ? part.substring(0, part.length() - (descending ? 5 : 4)).strip() : part;
            if (column.isEmpty()) {
                throw arguments.invalid("order", "columns with .asc or .desc (created_at.desc)");
            }
            parts.add(quote(column) + (descending ? " DESC" : " ASC"));
        }
        return String.join(", ", parts);
    }

    private static String returning(JsonFields arguments) {
        String returning = arguments.nonBlankText("returning").orElse("*").strip();
        if (returning.equals("*")) {
            return "*";
        }
        List<String> columns = new ArrayList<>();
        for (String column : returning.split(",")) {
            String name = column.strip();
            if (!IDENTIFIER.matcher(name).matches()) {
                throw arguments.invalid("returning", "'*' or column names separated by commas");
            }
            columns.add(quote(name));
        }
        return String.join(", ", columns);
    }

    private static JsonObject data(JsonFields arguments) {
        JsonObject data = arguments.object("data").orElse(JsonValue.EMPTY_JSON_OBJECT);
        if (data.isEmpty()) {
            throw arguments.invalid("data", "a non-empty object of column values");
        }
        return data;
    }

    /** A value as the text PostgreSQL reads as the column's type: JSON objects and arrays as JSON, null as NULL. */
    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            default -> value.toString();
        };
    }
}
