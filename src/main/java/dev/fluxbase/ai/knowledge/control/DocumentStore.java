package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Documents in {@code ai.documents}; their chunks go with them (ON DELETE CASCADE). */
@ApplicationScoped
public class DocumentStore {

    private static final String SELECT = "SELECT " + Rows.DOCUMENT_COLUMNS + " FROM ai.documents";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<KnowledgeDocument> all(UUID knowledgeBaseId) {
        return query(SELECT + " WHERE knowledge_base_id = ? ORDER BY created_at DESC, id", knowledgeBaseId);
    }

    public Optional<KnowledgeDocument> find(UUID knowledgeBaseId, UUID id) {
        return query(SELECT + " WHERE knowledge_base_id = ? AND id = ?", knowledgeBaseId, id).stream().findFirst();
    }

    /**
     * Adds a document, or, when one with the same source exists, gives it the new content and sets it
     * pending again: its old chunks stay searchable until the new ones replace them in one transaction.
     */
    public UUID addOrReplace(UUID knowledgeBaseId, NewDocument document) {
        Optional<UUID> existing = document.source() == null ? Optional.empty()
                : query(SELECT + " WHERE knowledge_base_id = ? AND source = ? ORDER BY created_at LIMIT 1", knowledgeBaseId,
                        document.source()).stream().map(KnowledgeDocument::id).findFirst();
        if (existing.isEmpty()) {
            return add(knowledgeBaseId, document);
        }
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.documents SET title = ?, mime_type = ?, content = ?, "
                    + "content_hash = ?, metadata = cast(? AS jsonb), tags = ?, status = 'pending', error_message = NULL, "
                    + "updated_at = now() WHERE id = ?")) {
                update.setString(1, document.title());
                update.setString(2, document.mimeType());
                update.setString(3, document.content());
                update.setString(4, sha256(document.content()));
                update.setString(5, document.metadata());
                update.setArray(6, connection.createArrayOf("text", document.tags().toArray()));
                update.setObject(7, existing.get());
                update.executeUpdate();
            }
        });
        return existing.get();
    }

    private UUID add(UUID knowledgeBaseId, NewDocument document) {
        UUID id = UUID.randomUUID();
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.documents (id, knowledge_base_id, title, source, "
                    + "mime_type, content, content_hash, metadata, tags) VALUES (?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, knowledgeBaseId);
                insert.setString(3, document.title());
                insert.setString(4, document.source());
                insert.setString(5, document.mimeType());
                insert.setString(6, document.content());
                insert.setString(7, sha256(document.content()));
                insert.setString(8, document.metadata());
                insert.setArray(9, connection.createArrayOf("text", document.tags().toArray()));
                insert.executeUpdate();
            }
        });
        return id;
    }

    /** Title, tags and metadata; null leaves a field as it is, tags and metadata replace the old values. */
    public Optional<KnowledgeDocument> update(UUID knowledgeBaseId, UUID id, String title, List<String> tags, String metadata) {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.documents SET title = coalesce(?, title), "
                    + "tags = coalesce(?, tags), metadata = coalesce(cast(? AS jsonb), metadata), updated_at = now() "
                    + "WHERE knowledge_base_id = ? AND id = ?")) {
                update.setString(1, title);
                update.setArray(2, tags == null ? null : connection.createArrayOf("text", tags.toArray()));
                update.setString(3, metadata);
                update.setObject(4, knowledgeBaseId);
                update.setObject(5, id);
                update.executeUpdate();
            }
        });
        return find(knowledgeBaseId, id);
    }

    public boolean delete(UUID knowledgeBaseId, UUID id) {
        int[] count = {0};
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai.documents WHERE knowledge_base_id = ? AND id = ?")) {
                delete.setObject(1, knowledgeBaseId);
                delete.setObject(2, id);
                count[0] = delete.executeUpdate();
            }
        });
        return count[0] > 0;
    }

    /** Documents having every tag and containing the metadata object (jsonb {@code @>}). */
    public int deleteMatching(UUID knowledgeBaseId, List<String> tags, String metadata) {
        int[] count = {0};
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai.documents WHERE knowledge_base_id = ? "
                    + "AND tags @> ? AND metadata @> cast(? AS jsonb)")) {
                delete.setObject(1, knowledgeBaseId);
                delete.setArray(2, connection.createArrayOf("text", tags.toArray()));
                delete.setString(3, metadata);
                count[0] = delete.executeUpdate();
            }
        });
        return count[0];
    }

    /** Status changes of ingestion; a document deleted meanwhile is simply not found. */
    public void setStatus(UUID id, String status, String errorMessage) {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ai.documents SET status = ?, error_message = ?, updated_at = now() WHERE id = ?")) {
                update.setString(1, status);
                update.setString(2, errorMessage);
                update.setObject(3, id);
                update.executeUpdate();
            }
        });
    }

    private List<KnowledgeDocument> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<KnowledgeDocument> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.document(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new KnowledgeException("Failed to read documents: " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
