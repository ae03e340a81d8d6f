package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.AccessLevel;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.FilterExpression;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Result-set rows to records; the column lists match the SELECTs of the stores. */
final class Rows {

    static final String KB_COLUMNS = "kb.id, kb.name, kb.namespace, kb.description, kb.embedding_model, kb.embedding_dimensions, "
            + "kb.chunk_size, kb.chunk_overlap, kb.chunk_strategy, kb.enabled, "
            + "(SELECT count(*) FROM ai.documents d WHERE d.knowledge_base_id = kb.id) AS document_count, "
            + "(SELECT count(*) FROM ai.chunks c WHERE c.knowledge_base_id = kb.id) AS total_chunks, kb.created_at, kb.updated_at, "
            + "kb.entity_extraction, kb.extraction_provider, kb.visibility";
    static final String DOCUMENT_COLUMNS = "id, knowledge_base_id, title, source, mime_type, content, content_hash, metadata::text AS metadata, "
            + "tags, status, error_message, chunk_count, created_at, updated_at";
    static final String LINK_COLUMNS = "l.id, l.chatbot_id, c.name AS chatbot_name, l.knowledge_base_id, kb.name AS kb_name, l.enabled, "
            + "l.max_chunks, l.similarity_threshold, l.priority, l.access_level, l.filter_expression::text AS filter_expression, l.created_at, "
            + "l.updated_at";

    private Rows() {
    }

    static KnowledgeBase knowledgeBase(ResultSet rs) throws SQLException {
        return new KnowledgeBase(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("namespace"),
                rs.getString("description"), new EmbeddingModel(rs.getString("embedding_model"), rs.getInt("embedding_dimensions")),
                rs.getInt("chunk_size"), rs.getInt("chunk_overlap"), rs.getString("chunk_strategy"), rs.getBoolean("enabled"),
                rs.getInt("document_count"), rs.getInt("total_chunks"), time(rs, "created_at"), time(rs, "updated_at"),
                rs.getBoolean("entity_extraction"), rs.getString("extraction_provider"), rs.getString("visibility"));
    }

    static KnowledgeDocument document(ResultSet rs) throws SQLException {
        return new KnowledgeDocument(rs.getObject("id", UUID.class), rs.getObject("knowledge_base_id", UUID.class),
                rs.getString("title"), rs.getString("source"), rs.getString("mime_type"), rs.getString("content"),
                rs.getString("content_hash"), rs.getString("metadata"), Jdbc.strings(rs, "tags"), rs.getString("status"),
                rs.getString("error_message"), rs.getInt("chunk_count"), time(rs, "created_at"), time(rs, "updated_at"));
    }

    static KnowledgeLink link(ResultSet rs) throws SQLException {
        return new KnowledgeLink(rs.getObject("id", UUID.class), rs.getObject("chatbot_id", UUID.class), rs.getString("chatbot_name"),
                rs.getObject("knowledge_base_id", UUID.class), rs.getString("kb_name"), rs.getBoolean("enabled"),
                rs.getInt("max_chunks"), rs.getDouble("similarity_threshold"), rs.getInt("priority"),
                AccessLevel.parse(rs.getString("access_level")).orElseThrow(),
                FilterExpression.of(JsonFactories.readObject(rs.getString("filter_expression"))), time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
