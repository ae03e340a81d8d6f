package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingEndpoint;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The three providers' embedding requests and responses. */
final class EmbeddingWire {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private EmbeddingWire() {
    }

    static URI uri(EmbeddingEndpoint endpoint) {
        String base = endpoint.baseUrl().replaceAll("/+$", "");
        return URI.create(switch (endpoint.type()) {
            case "azure" -> base + "/openai/deployments/" + endpoint.deployment() + "/embeddings?api-version=" + endpoint.apiVersion();
            case "ollama" -> base + "/api/embed";
            default -> base + "/embeddings";
        });
    }

    static String body(EmbeddingEndpoint endpoint, List<String> texts) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("input", JSON.createArrayBuilder(texts));
        if (!"azure".equals(endpoint.type())) {
            body.add("model", endpoint.model().name());
        }
        if (endpoint.sendDimensions() && !"ollama".equals(endpoint.type())) {
            body.add("dimensions", endpoint.model().dimensions());
        }
        return body.build().toString();
    }

    /** OpenAI and Azure answer {@code data[].embedding} (with an index), Ollama {@code embeddings[]}. */
    static List<float[]> vectors(JsonObject response, int expected) {
        List<float[]> vectors = new ArrayList<>();
        if (response.containsKey("embeddings")) {
            response.getJsonArray("embeddings").forEach(v -> vectors.add(floats(v.asJsonArray())));
        } else {
            float[][] ordered = new float[response.getJsonArray("data").size()][];
            for (int i = 0; i < ordered.length; i++) {
                JsonObject item = response.getJsonArray("data").getJsonObject(i);
                ordered[item.getInt("index", i)] = floats(item.getJsonArray("embedding"));
            }
            vectors.addAll(List.of(ordered));
        }
        if (vectors.size() != expected) {
            throw new IllegalStateException("the embedding service returned " + vectors.size() + " vectors for " + expected + " texts");
        }
        return vectors;
    }

    private static float[] floats(JsonArray values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) ((JsonNumber) values.get(i)).doubleValue();
        }
        return vector;
    }
}
