package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {

    private static final EmbeddingModel PROVIDER_MODEL = new EmbeddingModel("text-embedding-3-small", 1536);

    private final List<String> calls = new ArrayList<>();
    private Optional<EmbeddingModel> configured = Optional.empty();
    private final Embeddings embeddings = new Embeddings();

    EmbeddingsTest() {
        embeddings.local = new LocalEmbeddings() {
            @Override
            public List<float[]> embed(List<String> texts) {
                calls.add("local " + texts);
                return List.of(new float[384]);
            }
        };
        embeddings.remote = new RemoteEmbeddings() {
            @Override
            public Optional<EmbeddingModel> defaultModel() {
                return configured;
            }

            @Override
            public List<float[]> embed(EmbeddingModel model, List<String> texts) {
                calls.add(model.name() + " " + texts);
                return List.of(new float[model.dimensions()]);
            }
        };
    }

    @Test
    void theBuiltInModelIsTheDefaultWhenNoProviderEmbeds() {
        assertThat(embeddings.defaultModel()).isEqualTo(LocalEmbeddings.MODEL);
    }

    @Test
    void aProviderConfiguredForEmbeddingsBecomesTheDefault() {
        configured = Optional.of(PROVIDER_MODEL);
        assertThat(embeddings.defaultModel()).isEqualTo(PROVIDER_MODEL);
    }

    @Test
    void eachKnowledgeBaseIsEmbeddedWithItsOwnModel() {
        configured = Optional.of(PROVIDER_MODEL);
        embeddings.embed(LocalEmbeddings.MODEL, List.of("a"));
        embeddings.embed(PROVIDER_MODEL, List.of("b"));
        assertThat(calls).containsExactly("local [a]", "text-embedding-3-small [b]");
    }
}
