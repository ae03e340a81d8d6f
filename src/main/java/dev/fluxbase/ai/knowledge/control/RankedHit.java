package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.SearchHit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A hit and what it ranks by: its similarity, plus what the knowledge graph adds (see {@link GraphAssistedSearch}). */
record RankedHit(SearchHit hit, double score) {

    static final Comparator<RankedHit> BEST_FIRST = Comparator.comparingDouble(RankedHit::score).reversed();

    static RankedHit bySimilarity(SearchHit hit) {
        return new RankedHit(hit, hit.similarity());
    }

    /** The best hits of all, whichever knowledge base each came from: a cap on the whole, not on each source. */
    static List<SearchHit> best(Collection<RankedHit> hits, int cap) {
        return hits.stream().sorted(BEST_FIRST).limit(cap).map(RankedHit::hit).toList();
    }
}
