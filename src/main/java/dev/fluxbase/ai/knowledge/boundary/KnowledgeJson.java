package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.FilterJson;
import dev.fluxbase.ai.knowledge.control.InputLimit;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** The SDK's KnowledgeBase, KnowledgeBaseDocument, link and search-result shapes. */
final class KnowledgeJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private KnowledgeJson() {
    }

    /**
     * The SDK's fields, how chunks are sized for the model (the chunk size it gets and how tokens are counted), and
     * whether ingestion extracts a knowledge graph, by which provider (null: the default one).
     */
    static JsonObject knowledgeBase(KnowledgeBase kb, InputLimit limit) {
        return JSON.createObjectBuilder()
                .add("id", kb.id().toString()).add("name", kb.name()).add("namespace", kb.namespace())
                .add("description", kb.description() == null ? "" : kb.description())
                .add("embedding_model", kb.model().name()).add("embedding_dimensions", kb.model().dimensions())
                .add("chunk_size", kb.chunkSize()).add("chunk_overlap", kb.chunkOverlap()).add("chunk_strategy", kb.chunkStrategy())
                .add("effective_chunk_size", limit.chunkSize(kb.chunkSize())).add("embedding_max_tokens", limit.maxTokens())
                .add("token_counting", limit.tokens().exact() ? "tokenizer" : "estimate")
                .add("enabled", kb.enabled()).add("document_count", kb.documentCount()).add("total_chunks", kb.totalChunks())
                .add("source", "api").add("visibility", kb.visibility())
                .add("entity_extraction", kb.entityExtraction())
                .add("extraction_provider", kb.extractionProvider() == null ? JsonValue.NULL : JSON.createValue(kb.extractionProvider()))
                .add("created_at", time(kb.createdAt())).add("updated_at", time(kb.updatedAt()))
                .build();
    }

    static JsonObject document(KnowledgeDocument d) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", d.id().toString()).add("knowledge_base_id", d.knowledgeBaseId().toString())
                .add("title", d.title() == null ? "" : d.title()).add("mime_type", d.mimeType()).add("content", d.content())
                .add("source_type", "manual").add("status", d.status())
                .add("chunk_count", d.chunkCount()).add("chunks_count", d.chunkCount())
                .add("metadata", object(d.metadata())).add("tags", JSON.createArrayBuilder(d.tags()))
                .add("created_at", time(d.createdAt())).add("updated_at", time(d.updatedAt()));
        optional(json, "source_url", d.source());
        optional(json, "content_hash", d.contentHash());
        optional(json, "error_message", d.errorMessage());
        return json.build();
    }

    static JsonObject link(KnowledgeLink l) {
        return JSON.createObjectBuilder()
                .add("id", l.id().toString()).add("chatbot_id", l.chatbotId().toString()).add("chatbot_name", l.chatbotName())
                .add("knowledge_base_id", l.knowledgeBaseId().toString()).add("knowledge_base_name", l.knowledgeBaseName())
                .add("access_level", l.accessLevel().wireName()).add("filter_expression", FilterJson.object(l.filterExpression()))
                .add("enabled", l.enabled()).add("max_chunks", l.maxChunks())
                .add("similarity_threshold", l.similarityThreshold()).add("priority", l.priority()).add("context_weight", 1.0)
                .add("created_at", time(l.createdAt())).add("updated_at", time(l.updatedAt()))
                .build();
    }

    static JsonObject hit(SearchHit h) {
        return JSON.createObjectBuilder()
                .add("chunk_id", h.chunkId().toString()).add("document_id", h.documentId().toString())
                .add("document_title", h.documentTitle() == null ? "" : h.documentTitle())
                .add("knowledge_base_id", h.knowledgeBaseId().toString()).add("knowledge_base_name", h.knowledgeBaseName())
                .add("content", h.content()).add("similarity", h.similarity()).add("metadata", object(h.metadata()))
                .build();
    }

    static <T> JsonObject list(String key, List<T> items, Function<T, JsonObject> mapper) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(mapper.apply(item)));
        return JSON.createObjectBuilder().add(key, array).add("count", items.size()).build();
    }

    private static JsonValue object(String json) {
        return json == null ? JsonValue.EMPTY_JSON_OBJECT : JsonFactories.read(json);
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(key, value);
        }
    }

    private static String time(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
