package dev.fluxbase.ai.knowledge.control;

import java.util.Map;
import java.util.Optional;

/** Embedding models whose vector length is known, so that a knowledge base or a provider may name one without it. */
public final class EmbeddingModels {

    private static final Map<String, Integer> DIMENSIONS = Map.of(
            "text-embedding-3-small", 1536, "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536,
            "nomic-embed-text", 768, "mxbai-embed-large", 1024, "all-minilm", 384);

    private EmbeddingModels() {
    }

    public static Optional<Integer> dimensions(String model) {
        if (LocalEmbeddings.handles(model)) {
            return Optional.of(LocalEmbeddings.MODEL.dimensions());
        }
        return Optional.ofNullable(DIMENSIONS.get(model));
    }
}
