package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Searches one or several knowledge bases for a text: the text is embedded once per model (each
 * knowledge base with the model it was built with), and the hits of all are ranked together. With graph
 * retrieval ({@code fluxbase.ai.knowledge.graph-retrieval}, or per search) the knowledge graph adds the chunks
 * of the entities the text names ({@link GraphAssistedSearch}).
 */
@ApplicationScoped
public class KnowledgeSearch {

    @Inject
    EmbeddingService embeddings;

    @Inject
    VectorSearch vectors;

    @Inject
    GraphAssistedSearch graphAssisted;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    // Off: on the retrieval-quality set it changed nothing (see RetrievalQualityIT and the README).
    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.graph-retrieval", defaultValue = "false")
    boolean graphRetrieval;

    public List<SearchHit> search(String text, List<SearchRequest> requests) {
        return search(text, requests, graphRetrieval);
    }

    /** At most {@code cap} hits of all the knowledge bases together, the best first. */
    public List<SearchHit> search(String text, List<SearchRequest> requests, int cap) {
        return search(text, requests, graphRetrieval, cap);
    }

    public List<SearchHit> search(String text, List<SearchRequest> requests, boolean useGraph) {
        return search(text, requests, useGraph, Integer.MAX_VALUE);
    }

    private List<SearchHit> search(String text, List<SearchRequest> requests, boolean useGraph, int cap) {
        Map<EmbeddingModel, float[]> queries = new HashMap<>();
        List<RankedHit> hits = new ArrayList<>();
        for (SearchRequest request : requests) {
            knowledgeBases.find(request.knowledgeBaseId()).ifPresent(kb -> {
                float[] query = queries.computeIfAbsent(kb.model(), model -> embeddings.embed(model, List.of(text)).get(0));
                hits.addAll(useGraph ? graphAssisted.search(kb, text, query, request)
                        : vectors.search(kb, query, request).stream().map(RankedHit::bySimilarity).toList());
            });
        }
        return RankedHit.best(hits, cap);
    }

    public List<SearchHit> search(KnowledgeBase kb, String text, int maxChunks, double threshold, boolean useGraph) {
        return search(text, List.of(new SearchRequest(kb.id(), maxChunks, threshold)), useGraph);
    }

    /** Whether searches use the knowledge graph unless told otherwise. */
    public boolean graphRetrieval() {
        return graphRetrieval;
    }
}
