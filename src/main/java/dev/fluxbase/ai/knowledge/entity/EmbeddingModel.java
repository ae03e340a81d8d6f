package dev.fluxbase.ai.knowledge.entity;

/** An embedding model and the length of its vectors; a knowledge base records the one it was built with. */
public record EmbeddingModel(String name, int dimensions) {
}
