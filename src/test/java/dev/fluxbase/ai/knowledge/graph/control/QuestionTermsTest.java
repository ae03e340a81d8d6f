package dev.fluxbase.ai.knowledge.graph.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTermsTest {

    @Test
    void everyRunOfUpToSixWordsInCanonicalForm() {
        assertThat(QuestionTerms.of("Is the Summit 2 safe?"))
                .contains("is", "is the summit 2 safe", "summit 2", "summit", "safe", "2 safe")
                .doesNotContain("safe?", "Summit 2", "2");
    }

    @Test
    void namesMatchWhateverTheirSpellingInTheQuestion() {
        assertThat(QuestionTerms.of("What does «ACME   Corp.» sell, and C++?")).contains("acme corp", "c++");
        assertThat(QuestionTerms.of("Who was C.S. Lewis?")).contains("c.s. lewis", "lewis");
    }

    @Test
    void runsAreAtMostSixWordsAndLongQuestionsAreCut() {
        assertThat(QuestionTerms.of("a1 b2 c3 d4 e5 f6 g7")).contains("a1 b2 c3 d4 e5 f6").doesNotContain("a1 b2 c3 d4 e5 f6 g7");
        assertThat(QuestionTerms.of("word ".repeat(1000) + "Needle")).doesNotContain("needle");
        assertThat(QuestionTerms.of("   ")).isEmpty();
    }
}
