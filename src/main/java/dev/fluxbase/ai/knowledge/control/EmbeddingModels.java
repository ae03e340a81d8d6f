package dev.fluxbase.ai.knowledge.control;

import java.util.Map;
import java.util.Optional;

/**
 * Embedding models whose vector length is known, so that a knowledge base or a provider may name one without
 * it, and whose input limit is known, so that chunks fit it.
 */
public final class EmbeddingModels {

    private static final Map<String, Integer> DIMENSIONS = Map.of(
            "text-embedding-3-small", 1536, "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536,
            "nomic-embed-text", 768, "mxbai-embed-large", 1024, "all-minilm", 384);

    /**
     * The most tokens each model reads: OpenAI's documented 8191; Ollama's context lengths (nomic-embed-text
     * is trained for 8192 but Ollama runs it with 2048, and cuts longer input silently); sentence-transformers'
     * 256 for all-minilm, the built-in model's twin.
     */
    private static final Map<String, Integer> MAX_INPUT_TOKENS = Map.of(
            "text-embedding-3-small", 8191, "text-embedding-3-large", 8191, "text-embedding-ada-002", 8191,
            "nomic-embed-text", 2048, "mxbai-embed-large", 512, "all-minilm", 256);

    private EmbeddingModels() {
    }

    public static Optional<Integer> dimensions(String model) {
        if (LocalEmbeddings.handles(model)) {
            return Optional.of(LocalEmbeddings.MODEL.dimensions());
        }
        return Optional.ofNullable(DIMENSIONS.get(model));
    }

    /** The model's input limit in tokens; Ollama's tags ({@code nomic-embed-text:v1.5}) do not change it. */
    public static Optional<Integer> maxInputTokens(String model) {
        if (LocalEmbeddings.handles(model)) {
            return Optional.of(MiniLm.WINDOW);
        }
        int tag = model.indexOf(':');
        return Optional.ofNullable(MAX_INPUT_TOKENS.get(tag < 0 ? model : model.substring(0, tag)));
    }
}
