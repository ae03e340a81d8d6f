package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    @Inject
    VectorIndexes indexes;

    public List<KnowledgeBase> all(Optional<String> namespace) {
        String sql = SELECT + (namespace.isPresent() ? " WHERE kb.namespace = ?" : "") + " ORDER BY kb.namespace, kb.name";
        return jdbc.list(sql, Rows::knowledgeBase, namespace.stream().toArray());
    }

    public Optional<KnowledgeBase> find(UUID id) {
        return jdbc.first(SELECT + " WHERE kb.id = ?", Rows::knowledgeBase, id);
    }

    public KnowledgeBase create(KnowledgeBase kb) {
        UUID id = UUID.randomUUID();
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "INSERT INTO ai.knowledge_bases (id, name, namespace, description, "
                + "embedding_model, embedding_dimensions, chunk_size, chunk_overlap, chunk_strategy, entity_extraction, extraction_provider, "
                + "visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, kb.name(), kb.namespace(), kb.description(), kb.model().name(),
                kb.model().dimensions(), kb.chunkSize(), kb.chunkOverlap(), kb.chunkStrategy(), kb.entityExtraction(), kb.extractionProvider(),
                kb.visibility()));
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
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.knowledge_bases SET name = ?, description = ?, "
                + "embedding_model = ?, embedding_dimensions = ?, chunk_size = ?, chunk_overlap = ?, chunk_strategy = ?, enabled = ?, "
                + "entity_extraction = ?, extraction_provider = ?, visibility = ?, updated_at = now() WHERE id = ?", kb.name(), kb.description(),
                kb.model().name(), kb.model().dimensions(), kb.chunkSize(), kb.chunkOverlap(), kb.chunkStrategy(), kb.enabled(),
                kb.entityExtraction(), kb.extractionProvider(), kb.visibility(), kb.id()));
        if (dimensionChanged) {
            indexes.rebuild(kb.id(), kb.model().dimensions());
        }
        return find(kb.id()).orElseThrow();
    }

    /** The index is dropped after the rows, concurrently (see {@link VectorIndexes}). */
    public boolean delete(UUID id) {
        boolean deleted = jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "DELETE FROM ai.knowledge_bases WHERE id = ?", id) > 0);
        try {
            indexes.drop(id);
        } catch (KnowledgeException e) {
            LOG.log(Level.WARNING, "Could not drop the index of deleted knowledge base {0}: {1}", new Object[] {id, e.getMessage()});
        }
        return deleted;
    }
}
