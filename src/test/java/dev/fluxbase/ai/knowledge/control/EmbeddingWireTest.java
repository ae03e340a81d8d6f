package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.entity.EmbeddingEndpoint;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingWireTest {

    private static EmbeddingEndpoint endpoint(String type, boolean dimensions) {
        return new EmbeddingEndpoint(type, "http://host/base/", "key", new EmbeddingModel("m", 3), "dep", "2024-02-01", dimensions);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void eachProviderHasItsPath() {
        assertThat(EmbeddingWire.uri(endpoint("openai", false))).hasToString("http://host/base/embeddings");
        assertThat(EmbeddingWire.uri(endpoint("azure", false))).hasToString("http://host/base/openai/deployments/dep/embeddings?api-version=2024-02-01");
        assertThat(EmbeddingWire.uri(endpoint("ollama", false))).hasToString("http://host/base/api/embed");
    }

    @Test
    void bodiesCarryTheInputsTheModelAndOptionallyTheDimensions() {
        assertThat(json(EmbeddingWire.body(endpoint("openai", true), List.of("a", "b"))))
                .isEqualTo(json("{\"input\":[\"a\",\"b\"],\"model\":\"m\",\"dimensions\":3}"));
        assertThat(json(EmbeddingWire.body(endpoint("azure", true), List.of("a")))).isEqualTo(json("{\"input\":[\"a\"],\"dimensions\":3}"));
        assertThat(json(EmbeddingWire.body(endpoint("ollama", true), List.of("a")))).isEqualTo(json("{\"input\":[\"a\"],\"model\":\"m\"}"));
    }

    @Test
    void vectorsAreReadInInputOrder() {
        List<float[]> openAi = EmbeddingWire.vectors(json("{\"data\":[{\"index\":1,\"embedding\":[2,2]},{\"index\":0,\"embedding\":[1,1]}]}"), 2);
        assertThat(openAi.get(0)).containsExactly(1f, 1f);
        assertThat(openAi.get(1)).containsExactly(2f, 2f);
        assertThat(EmbeddingWire.vectors(json("{\"embeddings\":[[0.5,0.25]]}"), 1).get(0)).containsExactly(0.5f, 0.25f);
    }
}
