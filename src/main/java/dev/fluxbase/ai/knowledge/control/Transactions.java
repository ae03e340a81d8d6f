package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeConflict;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One JDBC transaction: committed when the work returns, rolled back when it throws. */
final class Transactions {

    static final String UNIQUE_VIOLATION = "23505";

    private Transactions() {
    }

    static void run(DataSource dataSource, KnowledgeBaseStore.Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new KnowledgeConflict("Already exists: " + e.getMessage(), e);
            }
            throw new KnowledgeException("Database error: " + e.getMessage(), e);
        }
    }
}
