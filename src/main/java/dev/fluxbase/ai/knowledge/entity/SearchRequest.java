package dev.fluxbase.ai.knowledge.entity;

import java.util.UUID;

/**
 * One knowledge base to search, with its own limits and the documents it may return: results of several are
 * ranked together.
 */
public record SearchRequest(UUID knowledgeBaseId, int maxChunks, double threshold, DocumentScope scope) {

    /** A search of every document (an administrator's). */
    public SearchRequest(UUID knowledgeBaseId, int maxChunks, double threshold) {
        this(knowledgeBaseId, maxChunks, threshold, DocumentScope.ALL);
    }

    public SearchRequest withLimits(int maxChunks, double threshold) {
        return new SearchRequest(knowledgeBaseId, maxChunks, threshold, scope);
    }
}
