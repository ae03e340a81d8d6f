package dev.fluxbase.ai.knowledge.entity;

import java.util.UUID;

/** One knowledge base to search, with its own limits: results of several are ranked together. */
public record SearchRequest(UUID knowledgeBaseId, int maxChunks, double threshold) {
}
