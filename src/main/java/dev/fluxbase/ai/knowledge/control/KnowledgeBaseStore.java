package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Knowledge bases in {@code ai.knowledge_bases}. Each has its own partial HNSW index over its chunks,
 * cast to its dimension, because the chunk column is an untyped vector shared by every knowledge base,
 * and because an index filtered afterwards by knowledge base would return too few rows. The index is
 * built after the row is committed, never inside a transaction ({@link VectorIndexes}).
 */
@ApplicationScoped
public class KnowledgeBaseStore {

    private static final Logger LOG = Logger.getLogger(KnowledgeBaseStore.class.getName());
    private static final String SELECT = "SELECT " + Rows.KB_COLUMNS + " FROM ai.knowledge_bases kb";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    VectorIndexes indexes;

    public List<KnowledgeBase> all(Optional<String> namespace) {
        String sql = SELECT + (namespace.isPresent() ? " WHERE kb.namespace = ?" : "") + " ORDER BY kb.namespace, kb.name";
        return query(sql, namespace.map(List::<Object>of).orElse(List.of()));
    }

    public Optional<KnowledgeBase> find(UUID id) {
        return query(SELECT + " WHERE kb.id = ?", List.of(id)).stream().findFirst();
    }

    public Optional<KnowledgeBase> findByName(String namespace, String name) {
        return query(SELECT + " WHERE kb.namespace = ? AND kb.name = ?", List.of(namespace, name)).stream().findFirst();
    }

    public KnowledgeBase create(KnowledgeBase kb) {
        UUID id = UUID.randomUUID();
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.knowledge_bases (id, name, namespace, description, "
                    + "embedding_model, embedding_dimensions, chunk_size, chunk_overlap, chunk_strategy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, kb.name());
                insert.setString(3, kb.namespace());
                insert.setString(4, kb.description());
                insert.setString(5, kb.model().name());
                insert.setInt(6, kb.model().dimensions());
                insert.setInt(7, kb.chunkSize());
                insert.setInt(8, kb.chunkOverlap());
                insert.setString(9, kb.chunkStrategy());
                insert.executeUpdate();
            }
        });
        try {
            indexes.ensure(id, kb.model().dimensions());
        } catch (RuntimeException e) {
            // No knowledge base without its index: searches of a large one would scan the whole table.
            try {
                delete(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // the boot's index check builds it later
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    /** Saves every field; a changed dimension rebuilds the index (the resource refuses it once chunks exist). */
    public KnowledgeBase update(KnowledgeBase kb, boolean dimensionChanged) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.knowledge_bases SET name = ?, description = ?, "
                    + "embedding_model = ?, embedding_dimensions = ?, chunk_size = ?, chunk_overlap = ?, chunk_strategy = ?, enabled = ?, "
                    + "updated_at = now() WHERE id = ?")) {
                update.setString(1, kb.name());
                update.setString(2, kb.description());
                update.setString(3, kb.model().name());
                update.setInt(4, kb.model().dimensions());
                update.setInt(5, kb.chunkSize());
                update.setInt(6, kb.chunkOverlap());
                update.setString(7, kb.chunkStrategy());
                update.setBoolean(8, kb.enabled());
                update.setObject(9, kb.id());
                update.executeUpdate();
            }
        });
        if (dimensionChanged) {
            indexes.rebuild(kb.id(), kb.model().dimensions());
        }
        return find(kb.id()).orElseThrow();
    }

    /** The index is dropped after the rows, concurrently (see {@link VectorIndexes}). */
    public boolean delete(UUID id) {
        boolean[] deleted = {false};
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai.knowledge_bases WHERE id = ?")) {
                delete.setObject(1, id);
                deleted[0] = delete.executeUpdate() > 0;
            }
        });
        try {
            indexes.drop(id);
        } catch (KnowledgeException e) {
            LOG.log(Level.WARNING, "Could not drop the index of deleted knowledge base {0}: {1}", new Object[] {id, e.getMessage()});
        }
        return deleted[0];
    }

    private List<KnowledgeBase> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<KnowledgeBase> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.knowledgeBase(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new KnowledgeException("Failed to read knowledge bases: " + e.getMessage(), e);
        }
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    void inTransaction(Work work) {
        Transactions.run(dataSource, work);
    }
}
