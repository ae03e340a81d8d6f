package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A chatbot's use of a knowledge base: how many chunks at most, and how similar they must be. */
public record KnowledgeLink(UUID id, UUID chatbotId, String chatbotName, UUID knowledgeBaseId, String knowledgeBaseName,
        boolean enabled, int maxChunks, double similarityThreshold, int priority, OffsetDateTime createdAt) {
}
