package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows a write changes, as PostgreSQL returns them on a connection prepared as the user ({@link SqlExecutor#actAs}): the
 * statement runs inside a data-modifying WITH whose rows PostgreSQL turns into JSON, and, for an UPDATE, the rows as they were,
 * found again by their primary key. Row-level security applies to all of it, as to any statement of the user.
 */
final class AffectedRows {

    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            + "AND a.attnum = ANY (i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary "
            + "ORDER BY array_position(i.indkey::int2[], a.attnum)";

    private AffectedRows() {
    }

    /** Runs {@code sql}, which returns every column ({@link WriteStatement#returningAll}), and reads what it returned. */
    static List<JsonObject> run(Connection connection, String sql, List<String> parameters) throws SQLException {
        String text = parameters.isEmpty() ? PostgresText.forPreparedStatement(sql) : sql;
        return json(connection, "WITH fluxbase_write AS (" + text + ") SELECT to_jsonb(fluxbase_write)::text FROM fluxbase_write",
                parameters);
    }

    /** The primary key columns of {@code table} as the search path resolves it; empty without one. */
    static List<String> keyColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** The rows of {@code table} with these keys, as the user sees them; locked until the transaction ends when {@code lock}. */
    static List<JsonObject> byKey(Connection connection, String table, List<String> keyColumns, List<JsonObject> keys, boolean lock)
            throws SQLException {
        String row = keyColumns.stream().map(c -> "t." + SqlExecutor.quote(c)).collect(Collectors.joining(", ", "(", ")"));
        String key = keyColumns.stream().map(c -> "k." + SqlExecutor.quote(c)).collect(Collectors.joining(", "));
        String sql = "SELECT to_jsonb(t)::text FROM " + table + " t WHERE " + row + " IN (SELECT " + key
                + " FROM jsonb_populate_recordset(NULL::" + table + ", ?::jsonb) k)" + (lock ? " FOR UPDATE OF t" : "");
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        keys.forEach(array::add);
        return json(connection, sql, List.of(array.build().toString()));
    }

    private static List<JsonObject> json(Connection connection, String sql, List<String> parameters) throws SQLException {
        List<JsonObject> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i), Types.OTHER);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(JsonFactories.readObject(result.getString(1)));
                }
            }
        }
        return rows;
    }
}
