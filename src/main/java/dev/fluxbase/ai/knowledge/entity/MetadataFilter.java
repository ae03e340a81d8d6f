package dev.fluxbase.ai.knowledge.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fluxbase's {@code metadata_filter}: conditions on a document's metadata keys, combined with {@code AND} or
 * {@code OR}, with nested groups. It becomes a SQL condition whose keys and values are all bind parameters, so
 * no part of the filter is ever spliced into the statement. Equality, patterns and lists compare the metadata
 * value as text, as Fluxbase does; order comparisons and {@code BETWEEN} with numbers compare numbers (a value
 * that is not a number then never matches), because "10" sorts before "9" as text.
 *
 * @param sql        a condition on the column {@code metadata}, in parentheses; {@code TRUE} for an empty group
 * @param parameters its bind parameters, in order
 */
public record MetadataFilter(String sql, List<Object> parameters) {

    private static final Set<String> LOGICAL = Set.of("AND", "OR");
    private static final String TEXT = "metadata ->> ?";
    private static final int MAX_DEPTH = 8;
    private static final int MAX_CONDITIONS = 100;

    /** No condition: matches every document. */
    public static final MetadataFilter NONE = new MetadataFilter("TRUE", List.of());

    public MetadataFilter {
        parameters = List.copyOf(parameters);
    }

    public boolean isEmpty() {
        return "TRUE".equals(sql);
    }

    /** Reads the group; a malformed one is refused with a message naming what is wrong. */
    public static MetadataFilter of(JsonObject group) {
        List<Object> parameters = new ArrayList<>();
        int[] conditions = {0};
        String sql = group(group, parameters, 0, conditions);
        return new MetadataFilter(sql, parameters);
    }

    private static String group(JsonObject group, List<Object> parameters, int depth, int[] count) {
        if (depth > MAX_DEPTH) {
            throw invalid("groups nest deeper than " + MAX_DEPTH);
        }
        String logical = text(group, "logical_op", "AND").toUpperCase(Locale.ROOT);
        if (!LOGICAL.contains(logical)) {
            throw invalid("logical_op must be AND or OR, not '" + logical + "'");
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue condition : array(group, "conditions")) {
            if (++count[0] > MAX_CONDITIONS) {
                throw invalid("more than " + MAX_CONDITIONS + " conditions");
            }
            parts.add(condition(object(condition, "a condition"), parameters));
        }
        for (JsonValue nested : array(group, "groups")) {
            String sql = group(object(nested, "a group"), parameters, depth + 1, count);
            if (!"TRUE".equals(sql)) {
                parts.add(sql);
            }
        }
        return parts.isEmpty() ? "TRUE" : "(" + String.join(" " + logical + " ", parts) + ")";
    }

    private static String condition(JsonObject condition, List<Object> parameters) {
        String key = text(condition, "key", null);
        if (key == null || key.isBlank()) {
            throw invalid("a condition has no key");
        }
        String operator = text(condition, "operator", "=").trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        parameters.add(key);
        return switch (operator) {
            case "=", "!=", "LIKE", "ILIKE" -> textComparison(operator.equals("!=") ? "IS DISTINCT FROM" : operator, condition, parameters);
            case ">", ">=", "<", "<=" -> ordered(operator, required(condition, "value", operator), parameters);
            case "IN", "NOT IN" -> list(operator, condition, parameters);
            case "BETWEEN" -> between(condition, parameters);
            case "IS NULL", "IS NOT NULL" -> TEXT + " " + operator;
            default -> throw invalid("unsupported operator '" + operator + "'");
        };
    }

    private static String textComparison(String operator, JsonObject condition, List<Object> parameters) {
        parameters.add(scalar(required(condition, "value", operator)));
        return TEXT + " " + operator + " ?";
    }

    private static String ordered(String operator, JsonValue value, List<Object> parameters) {
        if (value instanceof JsonNumber number) {
            return numeric(parameters) + " " + operator + " " + bindNumber(number, parameters);
        }
        parameters.add(scalar(value));
        return TEXT + " " + operator + " ?";
    }

    private static String between(JsonObject condition, List<Object> parameters) {
        JsonValue min = required(condition, "min", "BETWEEN");
        JsonValue max = required(condition, "max", "BETWEEN");
        if (min instanceof JsonNumber low && max instanceof JsonNumber high) {
            String value = numeric(parameters);
            return value + " BETWEEN " + bindNumber(low, parameters) + " AND " + bindNumber(high, parameters);
        }
        parameters.add(scalar(min));
        parameters.add(scalar(max));
        return TEXT + " BETWEEN ? AND ?";
    }

    private static String list(String operator, JsonObject condition, List<Object> parameters) {
        JsonArray values = condition.get("values") instanceof JsonArray array ? array : null;
        if (values == null || values.isEmpty()) {
            throw invalid(operator + " needs a non-empty \"values\" array");
        }
        List<String> marks = new ArrayList<>();
        for (JsonValue value : values) {
            parameters.add(scalar(value));
            marks.add("?");
        }
        // NOT IN keeps Fluxbase's meaning: a document without the key does not match.
        return TEXT + " " + operator + " (" + String.join(", ", marks) + ")";
    }

    /** The value as a number when it is a JSON number, else null (no match); the key, bound last, is bound again. */
    private static String numeric(List<Object> parameters) {
        Object key = parameters.get(parameters.size() - 1);
        parameters.add(key);
        return "(CASE WHEN jsonb_typeof(metadata -> ?) = 'number' THEN (metadata ->> ?)::numeric END)";
    }

    private static String bindNumber(JsonNumber number, List<Object> parameters) {
        parameters.add(number.bigDecimalValue());
        return "?";
    }

    private static String scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> throw invalid("values must be strings, numbers or booleans");
        };
    }

    private static JsonValue required(JsonObject condition, String field, String operator) {
        JsonValue value = condition.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid("\"" + field + "\" is required for " + operator);
        }
        return value;
    }

    private static String text(JsonObject object, String field, String fallback) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("\"" + field + "\" must be a string");
        }
        return string.getString();
    }

    private static List<JsonValue> array(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("\"" + field + "\" must be an array");
        }
        return array;
    }

    private static JsonObject object(JsonValue value, String what) {
        if (!(value instanceof JsonObject object)) {
            throw invalid(what + " must be an object");
        }
        return object;
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("Invalid metadata_filter: " + reason);
    }
}
