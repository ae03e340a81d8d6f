package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.entity.SearchHit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GlobalRankingTest {

    private static final UUID KB_A = UUID.randomUUID();
    private static final UUID KB_B = UUID.randomUUID();

    @Test
    void theCapTakesTheBestHitsOfAllKnowledgeBasesNotSomeOfEach() {
        List<RankedHit> hits = List.of(hit(KB_A, "a1", 0.95), hit(KB_A, "a2", 0.60), hit(KB_A, "a3", 0.55),
                hit(KB_B, "b1", 0.90), hit(KB_B, "b2", 0.85), hit(KB_B, "b3", 0.50));

        assertThat(RankedHit.best(hits, 3)).extracting(SearchHit::content).containsExactly("a1", "b1", "b2");
    }

    @Test
    void theGraphBoostedScoreRanksNotTheRawSimilarity() {
        RankedHit boosted = new RankedHit(hit(KB_A, "boosted", 0.70).hit(), 0.92);

        assertThat(RankedHit.best(List.of(hit(KB_B, "plain", 0.90), boosted), 1)).extracting(SearchHit::content).containsExactly("boosted");
    }

    @Test
    void fewerHitsThanTheCapAreAllKept() {
        assertThat(RankedHit.best(List.of(hit(KB_A, "only", 0.8)), 5)).hasSize(1);
    }

    @Test
    void iterativeScansNeedPgvector08() {
        assertThat(VectorSql.hasIterativeScan("0.8.0")).isTrue();
        assertThat(VectorSql.hasIterativeScan("0.10.1")).isTrue();
        assertThat(VectorSql.hasIterativeScan("1.0")).isTrue();
        assertThat(VectorSql.hasIterativeScan("0.7.4")).isFalse();
        assertThat(VectorSql.hasIterativeScan(null)).isFalse();
        assertThat(VectorSql.hasIterativeScan("dev")).isFalse();
    }

    private static RankedHit hit(UUID kb, String content, double similarity) {
        return RankedHit.bySimilarity(new SearchHit(UUID.randomUUID(), UUID.randomUUID(), content, kb, kb.toString(), content, similarity, "{}"));
    }
}
