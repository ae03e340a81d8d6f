package dev.fluxbase.ai.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * Runs periodic jobs that every instance schedules: the first instance to take the job's
 * transaction-scoped PostgreSQL advisory lock does the work, the others skip it (or wait, when asked).
 * The work runs in that same transaction, so the lock ends with it.
 */
@ApplicationScoped
public class ClusterJobs {

    /** The advisory-lock class of this application ('FLXB'); jobs number themselves inside it. */
    private static final int LOCK_CLASS = 0x464C5842;

    /** A job's SQL; returns how many rows it handled. */
    @FunctionalInterface
    public interface Work {
        int run(Connection connection) throws SQLException;
    }

    @Inject
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    /** @return the rows handled; empty when the schema is not ready or another instance holds the job */
    public OptionalInt run(int job, boolean wait, Work work) throws SQLException {
        if (migrator.migratedVersion().isEmpty()) {
            return OptionalInt.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.inLocalTransaction(connection, inTransaction -> {
                if (!lock(inTransaction, job, wait)) {
                    inTransaction.rollback(); // the commit that follows then has nothing to send
                    return OptionalInt.empty();
                }
                return OptionalInt.of(work.run(inTransaction));
            });
        }
    }

    private static boolean lock(Connection connection, int job, boolean wait) throws SQLException {
        String sql = wait ? "SELECT true FROM pg_advisory_xact_lock(?, ?)" : "SELECT pg_try_advisory_xact_lock(?, ?)";
        return Jdbc.first(connection, sql, row -> row.getBoolean(1), LOCK_CLASS, job).orElse(false);
    }
}
