package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import java.util.List;

/** Turns texts into vectors. Resolved per call, so that a provider configured later is used at once. */
public interface EmbeddingService {

    /** The model new knowledge bases get. */
    EmbeddingModel defaultModel();

    /** One vector per text, in order, each of {@code model.dimensions()} values. */
    List<float[]> embed(EmbeddingModel model, List<String> texts);
}
