package dev.fluxbase.ai.knowledge.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.knowledge.control.LocalEmbeddings;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import org.junit.jupiter.api.Test;

class KnowledgeBaseRequestsTest {

    private static final EmbeddingModel PROVIDER_MODEL = new EmbeddingModel("text-embedding-3-small", 1536);

    @Test
    void withoutAModelANewKnowledgeBaseGetsTheServicesModel() {
        assertThat(create("{\"name\":\"kb\"}", PROVIDER_MODEL).model()).isEqualTo(PROVIDER_MODEL);
        assertThat(create("{\"name\":\"kb\"}", LocalEmbeddings.MODEL).model()).isEqualTo(LocalEmbeddings.MODEL);
    }

    @Test
    void aKnownModelNeedsNoDimensionAndTheBuiltInOneIsRecordedUnderItsOwnName() {
        assertThat(create("{\"name\":\"kb\",\"embedding_model\":\"nomic-embed-text\"}", PROVIDER_MODEL).model())
                .isEqualTo(new EmbeddingModel("nomic-embed-text", 768));
        assertThat(create("{\"name\":\"kb\",\"embedding_model\":\"ALL-MINILM-L6-V2\"}", PROVIDER_MODEL).model())
                .isEqualTo(LocalEmbeddings.MODEL);
    }

    @Test
    void anUnknownModelNeedsItsDimension() {
        assertThatThrownBy(() -> create("{\"name\":\"kb\",\"embedding_model\":\"my-model\"}", PROVIDER_MODEL))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(create("{\"name\":\"kb\",\"embedding_model\":\"my-model\",\"embedding_dimensions\":256}", PROVIDER_MODEL).model())
                .isEqualTo(new EmbeddingModel("my-model", 256));
    }

    @Test
    void theBuiltInModelKeepsItsDimensionOnCreateAndOnUpdate() {
        assertThatThrownBy(() -> create("{\"name\":\"kb\",\"embedding_dimensions\":512}", LocalEmbeddings.MODEL))
                .isInstanceOf(RequestRejected.class).hasMessageContaining("384 dimensions");
        KnowledgeBase kb = create("{\"name\":\"kb\"}", PROVIDER_MODEL);
        assertThatThrownBy(() -> KnowledgeBaseRequests.update(kb, json("{\"embedding_model\":\"all-MiniLM-L6-v2\"}")))
                .isInstanceOf(RequestRejected.class);
        assertThat(KnowledgeBaseRequests.update(kb, json("{\"embedding_model\":\"all-minilm-l6-v2\",\"embedding_dimensions\":384}")).model())
                .isEqualTo(LocalEmbeddings.MODEL);
    }

    @Test
    void entityExtractionIsOffUnlessAskedForAndItsProviderCanBeResetToTheDefault() {
        KnowledgeBase plain = create("{\"name\":\"kb\"}", PROVIDER_MODEL);
        assertThat(plain.entityExtraction()).isFalse();
        assertThat(plain.extractionProvider()).isNull();
        KnowledgeBase extracting = create("{\"name\":\"kb\",\"entity_extraction\":true,\"extraction_provider\":\" local \"}", PROVIDER_MODEL);
        assertThat(extracting.entityExtraction()).isTrue();
        assertThat(extracting.extractionProvider()).isEqualTo("local");
        assertThat(KnowledgeBaseRequests.update(extracting, json("{\"description\":\"d\"}")).extractionProvider()).isEqualTo("local");
        KnowledgeBase reset = KnowledgeBaseRequests.update(extracting, json("{\"extraction_provider\":null,\"entity_extraction\":false}"));
        assertThat(reset.extractionProvider()).isNull();
        assertThat(reset.entityExtraction()).isFalse();
        assertThatThrownBy(() -> create("{\"name\":\"kb\",\"entity_extraction\":\"yes\"}", PROVIDER_MODEL)).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> create("{\"name\":\"kb\",\"extraction_provider\":\"" + "p".repeat(201) + "\"}", PROVIDER_MODEL))
                .isInstanceOf(RequestRejected.class).hasMessageContaining("extraction_provider");
    }

    private static KnowledgeBase create(String body, EmbeddingModel serviceModel) {
        return KnowledgeBaseRequests.create(json(body), serviceModel);
    }

    private static JsonFields json(String body) {
        return JsonBodies.fields(body);
    }
}
