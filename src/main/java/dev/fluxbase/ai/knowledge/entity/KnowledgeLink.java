package dev.fluxbase.ai.knowledge.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A chatbot's use of a knowledge base: how many chunks at most, how similar they must be, and which documents
 * a turn may retrieve ({@link AccessLevel}, {@link FilterExpression}).
 */
public record KnowledgeLink(UUID id, UUID chatbotId, String chatbotName, UUID knowledgeBaseId, String knowledgeBaseName,
        boolean enabled, int maxChunks, double similarityThreshold, int priority, AccessLevel accessLevel,
        FilterExpression filterExpression, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The documents this link lets a turn of this user (null: anonymous) retrieve. */
    public DocumentScope scopeFor(String userId) {
        return DocumentScope.of(accessLevel, filterExpression, userId);
    }
}
