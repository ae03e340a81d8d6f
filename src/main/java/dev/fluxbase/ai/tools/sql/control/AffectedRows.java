package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a write changes, as PostgreSQL returns them on a connection prepared as the user ({@link SqlExecutor#actAs}): the
 * write runs inside a data-modifying WITH whose rows PostgreSQL turns into JSON, and an UPDATE's rows as they are before it
 * are read and locked by {@link WriteStatement#targetRows}. Row-level security applies to all of it, as to any statement of
 * the user. Both run in a REPEATABLE READ transaction ({@link #repeatableRead}): they see the same rows, and a row that
 * another transaction changed after they began is an error (SQLSTATE 40001), never an UPDATE of a row the user did not see.
 */
final class AffectedRows {

    /** PostgreSQL's serialization_failure: a row changed by a transaction that committed after this one began. */
    static final String SERIALIZATION_FAILURE = "40001";

    private AffectedRows() {
    }

    /** The first statement of a transaction: every statement after it sees the rows as they were when the next one began. */
    static void repeatableRead(Connection transaction) throws SQLException {
        Jdbc.update(transaction, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }

    /** Runs {@code write}, which returns every column of its rows ({@link WriteStatement#returningRows}), and reads them. */
    static List<JsonObject> run(Connection connection, BoundStatement write) throws SQLException {
        return read(connection, new BoundStatement("WITH fluxbase_write AS (" + write.sql() + ") SELECT to_jsonb(fluxbase_write)::text "
                + "FROM fluxbase_write", write.parameters()));
    }

    /**
     * Reads the rows of {@code query}, which returns one JSON text per row ({@link WriteStatement#targetRows}). Without
     * values, every {@code ?} is PostgreSQL's own operator, which the driver must not take for a placeholder.
     */
    static List<JsonObject> read(Connection connection, BoundStatement query) throws SQLException {
        String sql = query.parameters().isEmpty() ? PostgresText.forPreparedStatement(query.sql()) : query.sql();
        List<JsonObject> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i), Types.OTHER);
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
