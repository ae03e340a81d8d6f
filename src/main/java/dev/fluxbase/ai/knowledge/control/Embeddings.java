package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Routes embeddings by model: the built-in model embeds in-process, every other model goes to the
 * provider endpoint. New knowledge bases get the provider's model when one is configured for
 * embeddings, otherwise the built-in one, so retrieval works out of the box.
 */
@ApplicationScoped
public class Embeddings implements EmbeddingService {

    @Inject
    LocalEmbeddings local;

    @Inject
    RemoteEmbeddings remote;

    @Override
    public EmbeddingModel defaultModel() {
        return remote.defaultModel().orElse(LocalEmbeddings.MODEL);
    }

    @Override
    public List<float[]> embed(EmbeddingModel model, List<String> texts) {
        return LocalEmbeddings.handles(model.name()) ? local.embed(texts) : remote.embed(model, texts);
    }
}
