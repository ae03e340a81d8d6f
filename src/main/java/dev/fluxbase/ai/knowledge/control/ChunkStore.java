package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A document's chunks, replaced in one transaction so that searches never see half of them. */
@ApplicationScoped
public class ChunkStore {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public void replace(UUID documentId, UUID knowledgeBaseId, List<Chunker.Chunk> chunks, List<float[]> vectors) {
        jdbc.inLocalTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM ai.chunks WHERE document_id = ?", documentId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.chunks (document_id, knowledge_base_id, "
                    + "chunk_index, content, token_count, embedding) VALUES (?, ?, ?, ?, ?, cast(? AS vector))")) {
                for (int i = 0; i < chunks.size(); i++) {
                    Jdbc.bind(insert, documentId, knowledgeBaseId, i, chunks.get(i).text(), chunks.get(i).tokens(), VectorText.of(vectors.get(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Jdbc.update(connection, "UPDATE ai.documents SET status = ?, error_message = NULL, chunk_count = ?, updated_at = now() "
                    + "WHERE id = ?", KnowledgeDocument.INDEXED, chunks.size(), documentId);
        });
    }
}
