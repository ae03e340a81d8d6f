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
    void readsItsWholeWindowAndCutsOnlyBeyondIt() {
        MiniLmTokens tokens = new MiniLmTokens();
        String filler = LongDocument.prose("Note", 1, 7);
        assertThat(tokens.count(filler) + tokens.specialTokens()).isBetween(129, MiniLm.WINDOW - 20);
        List<float[]> withinWindow = embeddings.embed(List.of(filler + "The answer is tents.", filler + "The answer is bicycles."));
        assertThat(dot(withinWindow.get(0), withinWindow.get(1))).as("an end past token 128 is read").isLessThan(0.999);

        String beyond = filler + filler.replace("Note", "Entry");
        List<float[]> pastWindow = embeddings.embed(List.of(beyond + "The answer is tents.", beyond + "The answer is bicycles."));
        assertThat(dot(pastWindow.get(0), pastWindow.get(1))).as("an end past the window is cut").isGreaterThan(0.99999);
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
