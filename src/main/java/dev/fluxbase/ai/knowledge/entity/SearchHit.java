package dev.fluxbase.ai.knowledge.entity;

import java.util.UUID;

/** A retrieved chunk; similarity is 1 - cosine distance. {@code metadata} is the chunk's JSON object as text. */
public record SearchHit(UUID chunkId, UUID documentId, String documentTitle, UUID knowledgeBaseId, String knowledgeBaseName,
        String content, double similarity, String metadata) {
}
