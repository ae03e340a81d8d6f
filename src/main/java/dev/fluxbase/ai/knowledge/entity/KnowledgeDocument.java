package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A document of a knowledge base; {@code metadata} is its JSON object as text. */
public record KnowledgeDocument(UUID id, UUID knowledgeBaseId, String title, String source, String mimeType, String content,
        String contentHash, String metadata, List<String> tags, String status, String errorMessage, int chunkCount,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    /** The SDK's DocumentStatus end state, which SDK code waits for. */
    public static final String INDEXED = "indexed";
    public static final String FAILED = "failed";
}
