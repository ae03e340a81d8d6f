package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.knowledge.graph.control.GraphRetrieval;
import dev.fluxbase.ai.knowledge.graph.entity.NamedChunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Vector search with the knowledge graph's help: the chunks of the entities a question names join the vector
 * hits as candidates, and every candidate ranks by its similarity plus {@value #BOOST} times the share of the
 * named entities it mentions. The threshold still applies to the similarity itself, so naming an entity never
 * brings in a chunk that has nothing to do with the question, and hits keep their real similarity. A graph that
 * cannot be read leaves the vector hits as they are.
 */
@ApplicationScoped
public class GraphAssistedSearch {

    /** Chosen before measuring, not tuned on the retrieval-quality set: about the gap between neighbouring hits. */
    static final double BOOST = 0.1;
    private static final int MIN_GRAPH_CANDIDATES = 20;
    private static final Logger LOG = Logger.getLogger(GraphAssistedSearch.class.getName());

    @Inject
    VectorSearch vectors;

    @Inject
    GraphRetrieval graph;

    List<RankedHit> search(KnowledgeBase kb, String question, float[] query, SearchRequest request) {
        List<SearchHit> vectorHits = vectors.search(kb, query, request);
        NamedChunks named = named(kb, question, request);
        if (named.entities() == 0) {
            return vectorHits.stream().map(RankedHit::bySimilarity).toList();
        }
        Set<UUID> found = vectorHits.stream().map(SearchHit::chunkId).collect(Collectors.toSet());
        List<SearchHit> candidates = new ArrayList<>(vectorHits);
        vectors.similarities(kb, query, named.entitiesPerChunk().keySet().stream().filter(id -> !found.contains(id)).toList(),
                request.scope()).stream()
                .filter(hit -> hit.similarity() >= request.threshold()).forEach(candidates::add);
        return candidates.stream().map(hit -> new RankedHit(hit, hit.similarity() + BOOST * named.share(hit.chunkId())))
                .sorted(RankedHit.BEST_FIRST).limit(request.maxChunks()).toList();
    }

    private NamedChunks named(KnowledgeBase kb, String question, SearchRequest request) {
        try {
            return graph.chunksNamedIn(kb.id(), question, Math.max(MIN_GRAPH_CANDIDATES, 4 * request.maxChunks()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Graph retrieval failed for knowledge base {0}; vector hits only: {1}", new Object[] {kb.id(), e.getMessage()});
            return NamedChunks.NONE;
        }
    }
}
