package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingEndpoint;
import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Embeddings from a provider's HTTP endpoint, sent in batches. */
@ApplicationScoped
public class RemoteEmbeddings {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    EmbeddingEndpoints endpoints;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.embedding.batch-size", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.embedding.timeout-ms", defaultValue = "60000")
    long timeoutMillis;

    /** The configured endpoint's model, or empty when embeddings are not sent to a provider. */
    public Optional<EmbeddingModel> defaultModel() {
        return endpoints.current().map(EmbeddingEndpoint::model);
    }

    public List<float[]> embed(EmbeddingModel model, List<String> texts) {
        EmbeddingEndpoint endpoint = endpoints.current()
                .orElseThrow(() -> new KnowledgeException("No embedding service configured"));
        EmbeddingEndpoint forModel = new EmbeddingEndpoint(endpoint.type(), endpoint.baseUrl(), endpoint.apiKey(), model,
                endpoint.deployment(), endpoint.apiVersion(), endpoint.sendDimensions());
        List<float[]> vectors = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += batchSize) {
            vectors.addAll(batch(forModel, texts.subList(start, Math.min(texts.size(), start + batchSize))));
        }
        for (float[] vector : vectors) {
            if (vector.length != model.dimensions()) {
                throw new KnowledgeException("The embedding model " + model.name() + " returned " + vector.length
                        + " dimensions; the knowledge base expects " + model.dimensions());
            }
        }
        return vectors;
    }

    private List<float[]> batch(EmbeddingEndpoint endpoint, List<String> texts) {
        HttpRequest.Builder request = HttpRequest.newBuilder(EmbeddingWire.uri(endpoint))
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EmbeddingWire.body(endpoint, texts)));
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            request.header("azure".equals(endpoint.type()) ? "api-key" : "Authorization",
                    "azure".equals(endpoint.type()) ? endpoint.apiKey() : "Bearer " + endpoint.apiKey());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new KnowledgeException("The embedding service answered HTTP " + response.statusCode());
            }
            JsonObject json = JsonFactories.readObject(response.body());
            return EmbeddingWire.vectors(json, texts.size());
        } catch (IOException | RuntimeException e) {
            if (e instanceof KnowledgeException known) {
                throw known;
            }
            throw new KnowledgeException("The embedding service failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeException("Interrupted while embedding", e);
        }
    }
}
