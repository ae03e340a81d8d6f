package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.platform.control.Database;
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

    public void replace(UUID documentId, UUID knowledgeBaseId, List<String> chunks, List<float[]> vectors) {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai.chunks WHERE document_id = ?")) {
                delete.setObject(1, documentId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.chunks (document_id, knowledge_base_id, "
                    + "chunk_index, content, token_count, embedding) VALUES (?, ?, ?, ?, ?, cast(? AS vector))")) {
                for (int i = 0; i < chunks.size(); i++) {
                    insert.setObject(1, documentId);
                    insert.setObject(2, knowledgeBaseId);
                    insert.setInt(3, i);
                    insert.setString(4, chunks.get(i));
                    insert.setInt(5, Math.max(1, chunks.get(i).length() / Chunker.CHARS_PER_TOKEN));
                    insert.setString(6, VectorText.of(vectors.get(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.documents SET status = ?, error_message = NULL, "
                    + "chunk_count = ?, updated_at = now() WHERE id = ?")) {
                update.setString(1, KnowledgeDocument.READY);
                update.setInt(2, chunks.size());
                update.setObject(3, documentId);
                update.executeUpdate();
            }
        });
    }
}
