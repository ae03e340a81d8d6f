package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.EmbeddingModel;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches one or several knowledge bases for a text: the text is embedded once per model (each
 * knowledge base with the model it was built with), and the hits of all are ranked together.
 */
@ApplicationScoped
public class KnowledgeSearch {

    @Inject
    EmbeddingService embeddings;

    @Inject
    VectorSearch vectors;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    public List<SearchHit> search(String text, List<SearchRequest> requests) {
        Map<EmbeddingModel, float[]> queries = new HashMap<>();
        List<SearchHit> hits = new ArrayList<>();
        for (SearchRequest request : requests) {
            knowledgeBases.find(request.knowledgeBaseId()).ifPresent(kb -> hits.addAll(vectors.search(kb,
                    queries.computeIfAbsent(kb.model(), model -> embeddings.embed(model, List.of(text)).get(0)), request)));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::similarity).reversed());
        return hits;
    }

    public List<SearchHit> search(KnowledgeBase kb, String text, int maxChunks, double threshold) {
        return search(text, List.of(new SearchRequest(kb.id(), maxChunks, threshold)));
    }
}
