package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LocalEmbeddingsTest {

    private final LocalEmbeddings embeddings = new LocalEmbeddings();

    @Test
    void embedsTextsInOrderAsUnitVectorsOfTheModelsDimension() {
        List<float[]> vectors = embeddings.embed(List.of("How do I reset my password?",
                "Steps to change a forgotten login password", "The recipe needs two eggs and flour"));

        assertThat(vectors).hasSize(3).allSatisfy(v -> {
            assertThat(v).hasSize(LocalEmbeddings.MODEL.dimensions());
            assertThat(dot(v, v)).isCloseTo(1.0, Offset.offset(1e-3));
        });
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.3);
    }

    @Test
    void aTextLongerThanTheModelsWindowIsStillOneVector() {
        String longText = "Tents must dry completely before they are packed away. ".repeat(200);
        assertThat(embeddings.embed(List.of(longText)).get(0)).hasSize(384);
    }

    @Test
    void knowsItsModelByNameInAnyCase() {
        assertThat(LocalEmbeddings.handles("all-minilm-l6-v2")).isTrue();
        assertThat(LocalEmbeddings.handles("text-embedding-3-small")).isFalse();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
