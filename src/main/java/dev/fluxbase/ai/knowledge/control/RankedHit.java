package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.SearchHit;
import java.util.Comparator;

/** A hit and what it ranks by: its similarity, plus what the knowledge graph adds (see {@link GraphAssistedSearch}). */
record RankedHit(SearchHit hit, double score) {

    static final Comparator<RankedHit> BEST_FIRST = Comparator.comparingDouble(RankedHit::score).reversed();

    static RankedHit bySimilarity(SearchHit hit) {
        return new RankedHit(hit, hit.similarity());
    }
}
