package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A knowledge base with its counts; chunk size and overlap are tokens of its embedding model (see Chunker). */
public record KnowledgeBase(UUID id, String name, String namespace, String description, EmbeddingModel model,
        int chunkSize, int chunkOverlap, String chunkStrategy, boolean enabled, int documentCount, int totalChunks,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
