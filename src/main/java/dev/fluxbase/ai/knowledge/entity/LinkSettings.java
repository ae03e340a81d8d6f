package dev.fluxbase.ai.knowledge.entity;

/**
 * What linking a knowledge base to a chatbot sets. A null access level or filter expression means "as the
 * existing link has it" (a new link: {@code full}, none).
 */
public record LinkSettings(int priority, int maxChunks, double threshold, AccessLevel accessLevel, FilterExpression filterExpression) {
}
