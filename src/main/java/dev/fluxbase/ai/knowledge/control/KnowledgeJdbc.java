package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeConflict;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.control.Jdbc;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Plain SQL of the knowledge stores: a name taken is a conflict (409), any other failure a knowledge error. */
final class KnowledgeJdbc {

    static final String UNIQUE_VIOLATION = "23505";

    private KnowledgeJdbc() {
    }

    static Jdbc on(Supplier<DataSource> dataSource) {
        return new Jdbc(dataSource, KnowledgeJdbc::failure);
    }

    private static KnowledgeException failure(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new KnowledgeConflict("Already exists: " + e.getMessage(), e);
        }
        return new KnowledgeException("Database error: " + e.getMessage(), e);
    }
}
