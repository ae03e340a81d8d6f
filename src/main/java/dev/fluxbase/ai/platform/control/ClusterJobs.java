package dev.fluxbase.ai.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    /** @return the rows handled; empty when the schema is not ready or another instance holds the job */
    public OptionalInt run(int job, boolean wait, Work work) throws SQLException {
        if (migrator.migratedVersion().isEmpty()) {
            return OptionalInt.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection, job, wait)) {
                    connection.rollback();
                    return OptionalInt.empty();
                }
                int rows = work.run(connection);
                connection.commit();
                return OptionalInt.of(rows);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean lock(Connection connection, int job, boolean wait) throws SQLException {
        String sql = wait ? "SELECT true FROM pg_advisory_xact_lock(?, ?)" : "SELECT pg_try_advisory_xact_lock(?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, job);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
