package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.graph.control.DocumentGraphs;
import dev.fluxbase.ai.knowledge.graph.entity.DocumentGraph;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A document's chunks, replaced in one transaction so that searches never see half of them, with what entity
 * extraction found in them: the old chunks' mentions go with the old chunks (and entities left without any at
 * commit, see V13), the new ones come in the same transaction.
 */
@ApplicationScoped
public class ChunkStore {

    private static final Logger LOG = Logger.getLogger(ChunkStore.class.getName());

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public void replace(UUID documentId, UUID knowledgeBaseId, List<Chunker.Chunk> chunks, List<float[]> vectors) {
        replace(documentId, knowledgeBaseId, chunks, vectors, DocumentGraph.NONE);
    }

    /** The document becomes indexed; an extraction that fell short says why in its error message. */
    public void replace(UUID documentId, UUID knowledgeBaseId, List<Chunker.Chunk> chunks, List<float[]> vectors, DocumentGraph graph) {
        jdbc.inLocalTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM ai.chunks WHERE document_id = ?", documentId);
            List<UUID> ids = insert(connection, documentId, knowledgeBaseId, chunks, vectors);
            String extractionProblem = graph == DocumentGraph.NONE ? null : storeGraph(connection, knowledgeBaseId, documentId, ids, graph);
            return Jdbc.update(connection, "UPDATE ai.documents SET status = ?, error_message = ?, chunk_count = ?, updated_at = now() "
                    + "WHERE id = ?", KnowledgeDocument.INDEXED, extractionProblem, chunks.size(), documentId);
        });
    }

    private static List<UUID> insert(Connection connection, UUID documentId, UUID knowledgeBaseId, List<Chunker.Chunk> chunks,
            List<float[]> vectors) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.chunks (id, document_id, knowledge_base_id, "
                + "chunk_index, content, token_count, embedding) VALUES (?, ?, ?, ?, ?, ?, cast(? AS vector))")) {
            for (int i = 0; i < chunks.size(); i++) {
                ids.add(UUID.randomUUID());
                Jdbc.bind(insert, ids.get(i), documentId, knowledgeBaseId, i, chunks.get(i).text(), chunks.get(i).tokens(),
                        VectorText.of(vectors.get(i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    /** A graph that cannot be stored costs the document its graph, never its chunks. */
    private static String storeGraph(Connection connection, UUID knowledgeBaseId, UUID documentId, List<UUID> chunkIds, DocumentGraph graph)
            throws SQLException {
        Savepoint beforeGraph = connection.setSavepoint();
        try {
            DocumentGraphs.store(connection, knowledgeBaseId, documentId, chunkIds, graph);
            connection.releaseSavepoint(beforeGraph);
            return graph.failure();
        } catch (SQLException e) {
            connection.rollback(beforeGraph);
            LOG.log(Level.WARNING, "Could not store the entities of document {0}: {1}", new Object[] {documentId, e.getMessage()});
            return "Entity extraction could not be stored: " + e.getMessage();
        }
    }
}
