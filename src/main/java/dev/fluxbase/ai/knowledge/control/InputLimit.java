package dev.fluxbase.ai.knowledge.control;

/** How an embedding model's input is counted, and the most tokens it reads, its special tokens included. */
public record InputLimit(TokenCounter tokens, int maxTokens) {

    /** The tokens a chunk gets: a knowledge base's chunk size, but never more than the model reads. */
    public int chunkSize(int requested) {
        return Math.min(requested, maxTokens);
    }
}
