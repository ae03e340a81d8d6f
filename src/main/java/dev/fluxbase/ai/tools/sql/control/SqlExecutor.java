package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.control.LocalSettings;
import dev.fluxbase.ai.platform.control.StatementDeadline;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.ColumnOrigin;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome.Stop;
import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGResultSetMetaData;

/**
 * Runs a query the guard accepted, inside the database's own guard rails: a transaction that is
 * READ ONLY for read-only chatbots, the end user's role with their JWT claims for row-level security,
 * a search path of the allowed schemas, a statement timeout, {@code work_mem} and (when the login role may set
 * it) {@code temp_file_limit}, and the result bounds: a row cap, a cap per value and a byte budget
 * ({@link BoundedQuery}, {@link ResultReader}). Writes commit only when the statement succeeded; anything else
 * rolls back.
 */
@ApplicationScoped
public class SqlExecutor {

    private static final Logger LOG = Logger.getLogger(SqlExecutor.class.getName());

    /** PostgreSQL refuses to nest a WITH that holds a data-modifying statement. */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    private static final Pattern LEADING_WITH = Pattern.compile("^[\\s(]*with\\b", Pattern.CASE_INSENSITIVE);

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.statement-timeout-ms", defaultValue = "10000")
    int statementTimeoutMillis;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.work-mem", defaultValue = "16MB")
    String workMem;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.temp-file-limit", defaultValue = "256MB")
    String tempFileLimit;

    @Inject
    ResultBounds bounds;

    private volatile Boolean mayLimitTempFiles;

    /** A last check on the prepared connection (its role and search path set), before the query runs. */
    @FunctionalInterface
    interface BeforeQuery {
        /** @return why the query may not run, or empty */
        Optional<String> refusal(Connection connection) throws SQLException;
    }

    /** @throws QueryRefused when {@code check} refuses the query; nothing ran then */
    QueryOutcome execute(String sql, DatabaseIdentity identity, List<String> schemas, boolean readOnly, CancelSignal cancel,
            BeforeQuery check) {
        return execute(sql, List.of(), identity, schemas, readOnly, cancel, check, false);
    }

    /**
     * A statement whose values are bound: every {@code ?} of {@code sql} is a placeholder, and {@code parameters} go to
     * PostgreSQL as text of unknown type, which it reads as the type the statement needs there (null as NULL).
     *
     * @param withOrigins whether the outcome names the table column each result column shows ({@link ColumnOrigin}): one
     *        catalog query more, asked only when a column may have to be masked
     * @throws QueryRefused when {@code check} refuses the query; nothing ran then
     */
    QueryOutcome execute(String sql, List<String> parameters, DatabaseIdentity identity, List<String> schemas, boolean readOnly,
            CancelSignal cancel, BeforeQuery check, boolean withOrigins) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.inLocalTransaction(connection, inTransaction -> {
                prepare(inTransaction, identity, schemas, readOnly);
                Optional<String> refusal = check.refusal(inTransaction);
                if (refusal.isPresent()) {
                    throw new QueryRefused(refusal.get());
                }
                return run(inTransaction, new Bound(sql, parameters), readOnly, cancel, started, withOrigins);
            });
        } catch (SQLException e) {
            return QueryOutcome.failed(QueryErrors.describe(e, statementTimeoutMillis), millisSince(started));
        }
    }

    /** A connection of the pool, for work that prepares it with {@link #actAs} inside its own transaction. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Makes the rest of the current transaction run as a writing statement of the user would: their role and claims, the
     * allowed schemas, the same limits. What ran before, as the login role, stays in the transaction.
     */
    void actAs(Connection connection, DatabaseIdentity identity, List<String> schemas) throws SQLException {
        prepare(connection, identity, schemas, false);
    }

    int statementTimeoutMillis() {
        return statementTimeoutMillis;
    }

    /**
     * Every setting in one round trip, in the order it must be made: {@code temp_file_limit} as the login role
     * (the user's role may not set it), then the role with the user's claims, then the rest. Nothing is quoted by
     * hand but the search path's schema names.
     */
    private void prepare(Connection connection, DatabaseIdentity identity, List<String> schemas, boolean readOnly) throws SQLException {
        List<String> settings = new ArrayList<>();
        if (readOnly) {
            settings.addAll(List.of("transaction_read_only", "on"));
        }
        settings.addAll(List.of("work_mem", workMem));
        if (mayLimitTempFiles(connection)) {
            settings.addAll(List.of("temp_file_limit", tempFileLimit));
        }
        settings.addAll(LocalSettings.databaseRole(identity.role(), identity.userId(), identity.claimRole(), identity.claimsJson()));
        settings.addAll(List.of("statement_timeout", String.valueOf(statementTimeoutMillis),
                // The guard reads string literals the standard way; make PostgreSQL read them the same way.
                "standard_conforming_strings", "on",
                "search_path", schemas.stream().map(SqlExecutor::quote).collect(Collectors.joining(", "))));
        LocalSettings.apply(connection, settings);
    }

    /** temp_file_limit is for superusers, or since PostgreSQL 15 for roles granted SET on it. Asked once. */
    private boolean mayLimitTempFiles(Connection connection) throws SQLException {
        Boolean may = mayLimitTempFiles;
        if (may == null) {
            String check = connection.getMetaData().getDatabaseMajorVersion() >= 15
                    ? "SELECT has_parameter_privilege('temp_file_limit', 'SET')"
                    : "SELECT rolsuper FROM pg_roles WHERE rolname = current_user";
            try (Statement statement = connection.createStatement(); ResultSet answer = statement.executeQuery(check)) {
                may = answer.next() && answer.getBoolean(1);
            }
            mayLimitTempFiles = may;
            LOG.info(may ? "execute_sql queries run with temp_file_limit = " + tempFileLimit
                    : "execute_sql queries run without temp_file_limit: the login role may not set it (see the README)");
        }
        return may;
    }

    /** A statement and the values of its placeholders; without values, a {@code ?} is PostgreSQL's operator. */
    private record Bound(String sql, List<String> parameters) {

        boolean parameterised() {
            return !parameters.isEmpty();
        }

        PreparedStatement prepare(Connection connection, String text) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(text);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i), Types.OTHER);
            }
            return statement;
        }
    }

    private QueryOutcome run(Connection connection, Bound bound, boolean readOnly, CancelSignal cancel, long started, boolean withOrigins)
            throws SQLException {
        String scanned = PostgresText.statement(bound.sql());
        Description description = describe(connection, bound, withOrigins);
        QueryOutcome outcome = run(connection, bound, readOnly, cancel, started, scanned, description);
        return outcome.succeeded() ? outcome.withOrigins(description.origins()) : outcome;
    }

    private QueryOutcome run(Connection connection, Bound bound, boolean readOnly, CancelSignal cancel, long started, String scanned,
            Description description) throws SQLException {
        int cellBytes = limits().maxCellBytes();
        BoundedQuery query = BoundedQuery.wrap(scanned, description.labels(), description.types(), cellBytes);
        // A bound statement is prepared as it will run, wrapper and all; the wrapper adds no placeholder.
        try (Statement statement = bound.parameterised() ? bound.prepare(connection, query.sql()) : connection.createStatement();
                AutoCloseable abort = cancel.onCancel(() -> cancelQuietly(statement))) {
            StatementDeadline.follow(statement, statementTimeoutMillis);
            if (!bound.parameterised() && query.wrapped() && !readOnly && LEADING_WITH.matcher(scanned).find()) {
                BoundedQuery asItIs = BoundedQuery.unwrapped(bound.sql(), description.labels(), description.types(), cellBytes);
                return fetchOrUnwrap(connection, statement, query, asItIs, started);
            }
            return fetch(statement, query, started);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /**
     * The column labels and types, from PostgreSQL's description of the statement (parsed, not run). Without bound
     * values every {@code ?} is written {@code ??} for it: the driver would take a lone one for a parameter.
     */
    private static Description describe(Connection connection, Bound bound, boolean withOrigins) throws SQLException {
        try (PreparedStatement statement = bound.parameterised() ? bound.prepare(connection, PostgresText.statement(bound.sql()))
                : connection.prepareStatement(PostgresText.forPreparedStatement(bound.sql()))) {
            ResultSetMetaData meta = statement.getMetaData();
            List<String> labels = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 1; meta != null && i <= meta.getColumnCount(); i++) {
                labels.add(meta.getColumnLabel(i));
                types.add(meta.getColumnTypeName(i));
            }
            return new Description(labels, types, withOrigins && meta != null ? origins(meta) : List.of());
        }
    }

    /** PostgreSQL's origin of each column: the driver asks the catalog once for all of them. */
    private static List<ColumnOrigin> origins(ResultSetMetaData meta) throws SQLException {
        PGResultSetMetaData pg = meta.unwrap(PGResultSetMetaData.class);
        List<ColumnOrigin> origins = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            origins.add(new ColumnOrigin(pg.getBaseSchemaName(i), pg.getBaseTableName(i), pg.getBaseColumnName(i)));
        }
        return origins;
    }

    private record Description(List<String> labels, List<String> types, List<ColumnOrigin> origins) {
    }

    /**
     * A statement under a WITH may hold a data-modifying CTE, which PostgreSQL will not nest: it says so while
     * parsing, before anything ran, and the statement then runs as it is, its values cut after they arrived.
     */
    private QueryOutcome fetchOrUnwrap(Connection connection, Statement statement, BoundedQuery query, BoundedQuery unwrapped,
            long started) throws SQLException {
        Savepoint beforeRewrite = connection.setSavepoint();
        try {
            return fetch(statement, query, started);
        } catch (SQLException e) {
            if (!FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeRewrite);
            return fetch(statement, unwrapped, started);
        }
    }

    private QueryOutcome fetch(Statement statement, BoundedQuery query, long started) throws SQLException {
        ResultLimits limits = limits();
        statement.setMaxRows(limits.maxRows() + 1);
        statement.setFetchSize(query.fetchSize(limits.maxResultBytes(), limits.maxRows()));
        boolean hasRows = statement instanceof PreparedStatement prepared ? prepared.execute() : statement.execute(query.sql());
        if (!hasRows) {
            return new QueryOutcome(true, List.of(), List.of(), Stop.NONE, 0, null, millisSince(started));
        }
        try (ResultSet rows = statement.getResultSet()) {
            return ResultReader.read(rows, query, limits, started);
        }
    }

    private ResultLimits limits() {
        return bounds.limits();
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
