package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a query the guard accepted, inside the database's own guard rails: a transaction that is
 * READ ONLY for read-only chatbots, the end user's role with their JWT claims for row-level security,
 * a search path of the allowed schemas, a statement timeout and a row cap. Writes commit only when
 * the statement succeeded; anything else rolls back.
 */
@ApplicationScoped
public class SqlExecutor {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private static final String CLAIMS = "SELECT set_config('request.jwt.claims', ?, true), "
            + "set_config('request.jwt.claim.sub', ?, true), set_config('request.jwt.claim.role', ?, true)";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.statement-timeout-ms", defaultValue = "10000")
    int statementTimeoutMillis;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.max-rows", defaultValue = "1000")
    int maxRows;

    /** A last check on the prepared connection (its role and search path set), before the query runs. */
    @FunctionalInterface
    interface BeforeQuery {
        /** @return why the query may not run, or empty */
        Optional<String> refusal(Connection connection) throws SQLException;
    }

    /** @throws QueryRefused when {@code check} refuses the query; nothing ran then */
    QueryOutcome execute(String sql, DatabaseIdentity identity, List<String> schemas, boolean readOnly, CancelSignal cancel,
            BeforeQuery check) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                prepare(connection, identity, schemas, readOnly);
                Optional<String> refusal = check.refusal(connection);
                if (refusal.isPresent()) {
                    throw new QueryRefused(refusal.get());
                }
                QueryOutcome outcome = run(connection, sql, cancel, started);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return QueryOutcome.failed(QueryErrors.describe(e, statementTimeoutMillis), millisSince(started));
        }
    }

    private void prepare(Connection connection, DatabaseIdentity identity, List<String> schemas, boolean readOnly) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (readOnly) {
                statement.execute("SET TRANSACTION READ ONLY");
            }
            statement.execute("SET LOCAL ROLE " + quote(identity.role()));
            statement.execute("SET LOCAL statement_timeout = " + statementTimeoutMillis);
            // The guard reads string literals the standard way; make PostgreSQL read them the same way.
            statement.execute("SET LOCAL standard_conforming_strings = on");
            statement.execute("SET LOCAL search_path TO " + schemas.stream().map(SqlExecutor::quote).collect(Collectors.joining(", ")));
        }
        try (PreparedStatement claims = connection.prepareStatement(CLAIMS)) {
            claims.setString(1, identity.claimsJson());
            claims.setString(2, identity.userId() == null ? "" : identity.userId());
            claims.setString(3, identity.claimRole());
            claims.execute();
        }
    }

    private QueryOutcome run(Connection connection, String sql, CancelSignal cancel, long started) throws SQLException {
        try (Statement statement = connection.createStatement();
                AutoCloseable abort = cancel.onCancel(() -> cancelQuietly(statement))) {
            statement.setMaxRows(maxRows + 1);
            statement.setFetchSize(Math.min(maxRows + 1, 500));
            if (!statement.execute(sql)) {
                return new QueryOutcome(true, List.of(), List.of(), false, null, millisSince(started));
            }
            try (ResultSet rows = statement.getResultSet()) {
                return read(rows, started);
            }
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private QueryOutcome read(ResultSet rows, long started) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = columnNames(meta);
        List<JsonObject> data = new ArrayList<>();
        boolean truncated = false;
        while (rows.next()) {
            if (data.size() == maxRows) {
                truncated = true;
                break;
            }
            JsonObjectBuilder row = JSON.createObjectBuilder();
            for (int i = 1; i <= columns.size(); i++) {
                RowJson.addColumn(row, columns.get(i - 1), rows, i, meta);
            }
            data.add(row.build());
        }
        return new QueryOutcome(true, columns, data, truncated, null, millisSince(started));
    }

    /** Repeated column labels (two joined "id" columns) get a numeric suffix instead of overwriting each other. */
    private static List<String> columnNames(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            String name = label;
            for (int n = 2; !seen.add(name); n++) {
                name = label + "_" + n;
            }
            names.add(name);
        }
        return names;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the statement already finished
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
