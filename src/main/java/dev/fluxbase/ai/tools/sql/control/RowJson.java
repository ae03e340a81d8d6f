package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Turns SQL values into readable JSON: uuids as strings, numerics as numbers, timestamps as ISO-8601,
 * json/jsonb (and pgvector values) as JSON, arrays as arrays, bytea as base64.
 */
final class RowJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private RowJson() {
    }

    /** The value of {@code column} in the current row. */
    static JsonValue value(ResultSet rows, int column, ResultSetMetaData meta) throws SQLException {
        int type = meta.getColumnType(column);
        // The pool's result-set wrapper cannot do getObject(int, Class), so java.time values are made here.
        Object value = switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> instant(rows.getTimestamp(column));
            case Types.TIMESTAMP -> "timestamptz".equals(meta.getColumnTypeName(column))
                    ? instant(rows.getTimestamp(column))
                    : local(rows.getTimestamp(column));
            case Types.DATE -> rows.getDate(column) == null ? null : rows.getDate(column).toLocalDate();
            case Types.TIME -> rows.getString(column);
            default -> rows.getObject(column);
        };
        return toJson(value, meta.getColumnTypeName(column));
    }

    private static OffsetDateTime instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static LocalDateTime local(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    static JsonValue toJson(Object value, String typeName) throws SQLException {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? JSON.createValue(d) : JSON.createValue(String.valueOf(d));
        }
        if (value instanceof OffsetDateTime t) {
            return JSON.createValue(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
        if (value instanceof TemporalAccessor t) {
            return JSON.createValue(t.toString());
        }
        if (value instanceof UUID || value instanceof String) {
            return JSON.createValue(value.toString());
        }
        if (value instanceof byte[] bytes) {
            return JSON.createValue(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Array array) {
            return array(array);
        }
        if (value instanceof PGobject object) {
            return pgObject(object, typeName);
        }
        return JSON.createValue(value.toString());
    }

    private static JsonValue array(Array array) throws SQLException {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        Object[] elements = (Object[]) array.getArray();
        for (Object element : elements) {
            json.add(toJson(element, array.getBaseTypeName()));
        }
        return json.build();
    }

    private static JsonValue pgObject(PGobject object, String typeName) {
        String text = object.getValue();
        if (text == null) {
            return JsonValue.NULL;
        }
        String type = object.getType() == null ? typeName : object.getType();
        if ("json".equals(type) || "jsonb".equals(type) || "vector".equals(type)) {
            try {
                return JsonFactories.read(text);
            } catch (JsonException e) {
                return JSON.createValue(text);
            }
        }
        return JSON.createValue(text);
    }
}
