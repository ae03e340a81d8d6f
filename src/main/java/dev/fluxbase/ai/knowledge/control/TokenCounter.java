package dev.fluxbase.ai.knowledge.control;

/**
 * Counts text in an embedding model's tokens, so that chunks are sized in what the model actually takes.
 * Implementations are thread-safe: one instance serves every ingestion.
 */
public interface TokenCounter {

    /** Where each token of the text begins (an index into the string), without the model's special tokens. */
    int[] tokenStarts(String text);

    /** The text's tokens, without the model's special tokens. */
    default int count(String text) {
        return tokenStarts(text).length;
    }

    /** Tokens the model adds to every input (BERT's {@code [CLS]} and {@code [SEP]}), which its window includes. */
    default int specialTokens() {
        return 0;
    }

    /** Whether the counts are the model's own tokenizer's rather than an estimate. */
    boolean exact();
}
