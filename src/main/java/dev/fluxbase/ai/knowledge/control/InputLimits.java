package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a knowledge base's model reads: the built-in model's tokens are counted by its own tokenizer; a
 * provider's model, whose tokenizer cannot run here, by the {@link CharacterEstimate}, up to its known
 * limit, else the configured one.
 */
@ApplicationScoped
public class InputLimits {

    @Inject
    MiniLmTokens miniLm;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.embedding.max-input-tokens", defaultValue = "512")
    int unknownModelLimit;

    public InputLimit of(EmbeddingModel model) {
        if (LocalEmbeddings.handles(model.name())) {
            return new InputLimit(miniLm, MiniLm.WINDOW);
        }
        return new InputLimit(CharacterEstimate.INSTANCE, EmbeddingModels.maxInputTokens(model.name()).orElse(unknownModelLimit));
    }
}
