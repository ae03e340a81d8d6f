package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.MaintenanceRequested;
import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The partial HNSW index of each knowledge base, built and dropped CONCURRENTLY so that building the
 * index of a large knowledge base never blocks searches or ingestion. Such statements cannot run in a
 * transaction, hence autocommit connections; and the calling thread must hold no open transaction of its
 * own, which the build would wait for forever. A failed or interrupted build leaves an invalid index
 * behind that the planner ignores: {@link #ensure} drops and rebuilds it, and every knowledge base's
 * index is checked that way at boot and when maintenance is requested.
 */
@ApplicationScoped
public class VectorIndexes {

    private static final Logger LOG = Logger.getLogger(VectorIndexes.class.getName());
    /** Advisory-lock class of index builds ('FLXI'), so that two instances never build the same index at once. */
    private static final int LOCK_CLASS = 0x464C5849;

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> new KnowledgeException("Knowledge-base index: " + e.getMessage(), e));

    @Resource
    ManagedExecutorService executor;

    /** Makes sure the knowledge base has a valid index, waiting for a build another instance may be running. */
    public void ensure(UUID knowledgeBase, int dimensions) {
        withConnection(connection -> ensure(connection, knowledgeBase, dimensions, true));
    }

    /** Drops the index and builds it again, for a changed dimension. */
    public void rebuild(UUID knowledgeBase, int dimensions) {
        drop(knowledgeBase);
        ensure(knowledgeBase, dimensions);
    }

    public void drop(UUID knowledgeBase) {
        withConnection(connection -> {
            execute(connection, VectorSql.dropIndex(knowledgeBase));
            return true;
        });
    }

    /** @return how many indexes were missing or invalid and are now built */
    public int repairAll() {
        List<Map.Entry<UUID, Integer>> dimensions = withConnection(connection -> Jdbc.list(connection,
                "SELECT id, embedding_dimensions FROM ai.knowledge_bases ORDER BY created_at", rs -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))));
        int repaired = 0;
        for (Map.Entry<UUID, Integer> kb : dimensions) {
            try {
                if (withConnection(connection -> ensure(connection, kb.getKey(), kb.getValue(), false))) {
                    repaired++;
                }
            } catch (KnowledgeException e) {
                LOG.log(Level.WARNING, "Could not repair the index of knowledge base {0}: {1}", new Object[] {kb.getKey(), e.getMessage()});
            }
        }
        return repaired;
    }

    /** Off the boot thread: repairing a large knowledge base's index can take minutes. */
    void repairAtBoot(@Observes SchemaReady ready) {
        executor.execute(() -> {
            try {
                int repaired = repairAll();
                if (repaired > 0) {
                    LOG.info(() -> repaired + " knowledge-base index(es) rebuilt");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Knowledge-base index check failed: {0}", e.getMessage());
            }
        });
    }

    void repairNow(@Observes MaintenanceRequested request) {
        request.report("knowledge-index-repair", repairAll());
    }

    /**
     * @param wait whether to wait for another build of this index, or leave it to that build
     * @return whether an index was built
     */
    private static boolean ensure(Connection connection, UUID knowledgeBase, int dimensions, boolean wait) throws SQLException {
        Boolean valid = validity(connection, knowledgeBase);
        if (Boolean.TRUE.equals(valid) || !lock(connection, knowledgeBase, wait)) {
            return false;
        }
        try {
            valid = validity(connection, knowledgeBase); // another instance may have built it meanwhile
            if (Boolean.TRUE.equals(valid)) {
                return false;
            }
            if (valid != null) {
                LOG.warning(() -> "Index " + VectorSql.indexName(knowledgeBase) + " is invalid (an interrupted build): rebuilding it");
                execute(connection, VectorSql.dropIndex(knowledgeBase));
            }
            execute(connection, VectorSql.createIndex(knowledgeBase, dimensions));
            return true;
        } finally {
            Jdbc.first(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", rs -> rs.getBoolean(1), LOCK_CLASS, knowledgeBase.toString());
        }
    }

    /** @return whether the index is valid, or null when there is none */
    private static Boolean validity(Connection connection, UUID knowledgeBase) throws SQLException {
        return Jdbc.first(connection, VectorSql.indexValidity(knowledgeBase), rs -> rs.getBoolean(1)).orElse(null);
    }

    private static boolean lock(Connection connection, UUID knowledgeBase, boolean wait) throws SQLException {
        String sql = wait ? "SELECT true FROM pg_advisory_lock(?, hashtext(?))" : "SELECT pg_try_advisory_lock(?, hashtext(?))";
        return Jdbc.first(connection, sql, rs -> rs.getBoolean(1), LOCK_CLASS, knowledgeBase.toString()).orElse(false);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(0); // the pool's statement time-out is for queries, not for index builds
            statement.execute(sql);
        }
    }

    private <T> T withConnection(Jdbc.Work<T> work) {
        return jdbc.run(connection -> {
            connection.setAutoCommit(true);
            return work.run(connection);
        });
    }
}
