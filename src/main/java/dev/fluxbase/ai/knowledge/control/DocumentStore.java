package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.MetadataFilter;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
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

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public List<KnowledgeDocument> all(UUID knowledgeBaseId) {
        return jdbc.list(SELECT + " WHERE knowledge_base_id = ? ORDER BY created_at DESC, id", Rows::document, knowledgeBaseId);
    }

    /** The documents of one owner ({@code metadata.user_id}), newest first. */
    public List<KnowledgeDocument> ownedBy(UUID knowledgeBaseId, String ownerId) {
        return jdbc.list(SELECT + " WHERE knowledge_base_id = ? AND owner_id = ? ORDER BY created_at DESC, id", Rows::document,
                knowledgeBaseId, ownerId);
    }

    public Optional<KnowledgeDocument> find(UUID knowledgeBaseId, UUID id) {
        return jdbc.first(SELECT + " WHERE knowledge_base_id = ? AND id = ?", Rows::document, knowledgeBaseId, id);
    }

    /** The document if this owner owns it; another's and an unknown one alike are absent. */
    public Optional<KnowledgeDocument> findOwned(UUID knowledgeBaseId, UUID id, String ownerId) {
        return jdbc.first(SELECT + " WHERE knowledge_base_id = ? AND id = ? AND owner_id = ?", Rows::document, knowledgeBaseId, id, ownerId);
    }

    /** The document that adding one with this source would replace. */
    public Optional<KnowledgeDocument> bySource(UUID knowledgeBaseId, String source) {
        return jdbc.run(connection -> findBySource(connection, knowledgeBaseId, source));
    }

    /**
     * Adds a document, or, when one with the same source and owner ({@code metadata.user_id}) exists, gives it the new
     * content and sets it pending again: its old chunks stay searchable until the new ones replace them in one
     * transaction. Another owner's document with the same source stays: users never overwrite each other's files.
     */
    public UUID addOrReplace(UUID knowledgeBaseId, NewDocument document) {
        return jdbc.inLocalTransaction(connection -> addOrReplace(connection, knowledgeBaseId, document));
    }

    /** The same on the caller's connection, so that a table export stores its document and its graph together. */
    public static UUID addOrReplace(Connection connection, UUID knowledgeBaseId, NewDocument document) throws SQLException {
        Optional<UUID> existing = document.source() == null ? Optional.empty()
                : Jdbc.first(connection, "SELECT id FROM ai.documents WHERE knowledge_base_id = ? AND source = ? "
                        + "AND owner_id IS NOT DISTINCT FROM (cast(? AS jsonb) ->> 'user_id') ORDER BY created_at LIMIT 1",
                        rs -> rs.getObject(1, UUID.class), knowledgeBaseId, document.source(), document.metadata());
        if (existing.isEmpty()) {
            return add(connection, knowledgeBaseId, document);
        }
        Jdbc.update(connection, "UPDATE ai.documents SET title = ?, mime_type = ?, content = ?, "
                + "content_hash = ?, metadata = cast(? AS jsonb), tags = ?, status = 'pending', error_message = NULL, "
                + "updated_at = now() WHERE id = ?", document.title(), document.mimeType(), document.content(), sha256(document.content()),
                document.metadata(), new Jdbc.TextArray(document.tags()), existing.get());
        return existing.get();
    }

    /** The oldest document with this source, which adding one with the same source replaces. */
    public static Optional<KnowledgeDocument> findBySource(Connection connection, UUID knowledgeBaseId, String source) throws SQLException {
        return Jdbc.first(connection, SELECT + " WHERE knowledge_base_id = ? AND source = ? ORDER BY created_at LIMIT 1", Rows::document,
                knowledgeBaseId, source);
    }

    private static UUID add(Connection connection, UUID knowledgeBaseId, NewDocument document) throws SQLException {
        UUID id = UUID.randomUUID();
        Jdbc.update(connection, "INSERT INTO ai.documents (id, knowledge_base_id, title, source, "
                + "mime_type, content, content_hash, metadata, tags) VALUES (?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?)", id, knowledgeBaseId,
                document.title(), document.source(), document.mimeType(), document.content(), sha256(document.content()), document.metadata(),
                new Jdbc.TextArray(document.tags()));
        return id;
    }

    /** Title, tags and metadata; null leaves a field as it is, tags and metadata replace the old values. */
    public Optional<KnowledgeDocument> update(UUID knowledgeBaseId, UUID id, String title, List<String> tags, String metadata) {
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.documents SET title = coalesce(?, title), "
                + "tags = coalesce(?, tags), metadata = coalesce(cast(? AS jsonb), metadata), updated_at = now() "
                + "WHERE knowledge_base_id = ? AND id = ?", title, tags == null ? null : new Jdbc.TextArray(tags), metadata, knowledgeBaseId, id));
        return find(knowledgeBaseId, id);
    }

    public boolean delete(UUID knowledgeBaseId, UUID id) {
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "DELETE FROM ai.documents WHERE knowledge_base_id = ? AND id = ?",
                knowledgeBaseId, id)) > 0;
    }

    /** Deletes the document only if this owner owns it. */
    public boolean deleteOwned(UUID knowledgeBaseId, UUID id, String ownerId) {
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection,
                "DELETE FROM ai.documents WHERE knowledge_base_id = ? AND id = ? AND owner_id = ?", knowledgeBaseId, id, ownerId)) > 0;
    }

    /** Documents having every tag and containing the metadata object (jsonb {@code @>}). */
    public int deleteMatching(UUID knowledgeBaseId, List<String> tags, String metadata, MetadataFilter conditions) {
        List<Object> parameters = new ArrayList<>(List.of(knowledgeBaseId, new Jdbc.TextArray(tags), metadata));
        parameters.addAll(conditions.parameters());
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "DELETE FROM ai.documents WHERE knowledge_base_id = ? "
                + "AND tags @> ? AND metadata @> cast(? AS jsonb) AND " + conditions.sql(), parameters.toArray()));
    }

    /** Status changes of ingestion; a document deleted meanwhile is simply not found. */
    public void setStatus(UUID id, String status, String errorMessage) {
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection,
                "UPDATE ai.documents SET status = ?, error_message = ?, updated_at = now() WHERE id = ?", status, errorMessage, id));
    }

    /** The {@code content_hash} of a document with this content. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
