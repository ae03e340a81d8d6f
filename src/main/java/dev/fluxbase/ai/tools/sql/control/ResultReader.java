package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.Utf8;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.control.BoundedQuery.Column;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome.Stop;
import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the rows of a {@link BoundedQuery} as JSON, cutting every value to the cell cap, and stops at the row cap
 * or once the rows read reach the byte budget: what the server holds of one result stays within the budget,
 * plus one batch of the fetch size.
 */
final class ResultReader {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private final BoundedQuery query;
    private final ResultLimits limits;
    private final ResultSetMetaData meta;
    private final List<JsonObject> data = new ArrayList<>();
    private long bytes = 2;
    private int cutValues;
    private int cutInRow;

    private ResultReader(BoundedQuery query, ResultLimits limits, ResultSetMetaData meta) {
        this.query = query;
        this.limits = limits;
        this.meta = meta;
    }

    static QueryOutcome read(ResultSet rows, BoundedQuery query, ResultLimits limits, long started) throws SQLException {
        return new ResultReader(query, limits, rows.getMetaData()).readAll(rows, started);
    }

    private QueryOutcome readAll(ResultSet rows, long started) throws SQLException {
        Stop stop = Stop.NONE;
        while (rows.next()) {
            if (data.size() == limits.maxRows()) {
                stop = Stop.ROW_CAP;
                break;
            }
            if (!keep(row(rows))) {
                stop = Stop.BYTE_BUDGET;
                break;
            }
        }
        return new QueryOutcome(true, query.names(), data, stop, cutValues, null, (System.nanoTime() - started) / 1_000_000);
    }

    private boolean keep(JsonObject row) {
        long size = ByteText.jsonLength(row) + (data.isEmpty() ? 0 : 1);
        if (bytes + size > limits.maxResultBytes()) {
            return false;
        }
        bytes += size;
        cutValues += cutInRow;
        data.add(row);
        return true;
    }

    private JsonObject row(ResultSet rows) throws SQLException {
        cutInRow = 0;
        JsonObjectBuilder row = JSON.createObjectBuilder();
        for (Column column : query.columns()) {
            row.add(column.name(), cell(rows, column));
        }
        return row.build();
    }

    private JsonValue cell(ResultSet rows, Column column) throws SQLException {
        return switch (column.transfer()) {
            case WHOLE -> cutAfterArrival(RowJson.value(rows, column.value(), meta));
            case TEXT -> {
                String prefix = rows.getString(column.prefix());
                yield prefix == null ? RowJson.value(rows, column.value(), meta) : cut(ByteText.truncated(prefix, cellBytes(), rows.getLong(column.length())));
            }
            case BYTES -> {
                byte[] prefix = rows.getBytes(column.prefix());
                yield prefix == null ? RowJson.value(rows, column.value(), meta)
                        : cut(Base64.getEncoder().encodeToString(prefix) + ByteText.marker(rows.getLong(column.length()) - prefix.length));
            }
        };
    }

    /** Values of a statement that could not be rewritten arrive whole; they are cut here, as the others were in PostgreSQL. */
    private JsonValue cutAfterArrival(JsonValue value) {
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case OBJECT, ARRAY -> value.toString();
            default -> null;
        };
        if (text == null) {
            return value;
        }
        int length = Utf8.length(text);
        return length <= cellBytes() ? value : cut(ByteText.truncated(text, cellBytes(), length));
    }

    private JsonValue cut(String text) {
        cutInRow++;
        return JSON.createValue(text);
    }

    private int cellBytes() {
        return query.cellBytes();
    }
}
