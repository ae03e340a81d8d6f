package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge base with its counts; chunk size and overlap are tokens of its embedding model (see Chunker).
 *
 * @param entityExtraction   whether ingestion extracts entities and relationships into its knowledge graph
 * @param extractionProvider the provider that extracts them, by name; null for the default provider
 * @param visibility         Fluxbase's {@code private}, {@code shared} or {@code public} (every signed-in user may read it
 *                           through the user routes)
 */
public record KnowledgeBase(UUID id, String name, String namespace, String description, EmbeddingModel model,
        int chunkSize, int chunkOverlap, String chunkStrategy, boolean enabled, int documentCount, int totalChunks,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean entityExtraction, String extractionProvider, String visibility) {

    public static final List<String> VISIBILITIES = List.of("private", "shared", "public");
    public static final String PUBLIC = "public";
}
