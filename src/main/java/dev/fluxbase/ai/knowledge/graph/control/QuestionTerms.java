package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a question could mention: every run of one to {@value #MAX_WORDS} consecutive words, in the canonical
 * form entities are stored under, so that looking them up is an index search rather than a scan of every entity
 * name against the question. A term of fewer than two characters is no name.
 */
public final class QuestionTerms {

    static final int MAX_WORDS = 6;
    static final int MAX_QUESTION_WORDS = 200;
    private static final int MIN_LENGTH = 2;

    private QuestionTerms() {
    }

    public static Set<String> of(String question) {
        List<String> words = Arrays.stream(question.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(MAX_QUESTION_WORDS).toList();
        Set<String> terms = new LinkedHashSet<>();
        for (int start = 0; start < words.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < Math.min(words.size(), start + MAX_WORDS); end++) {
                run.append(end > start ? " " : "").append(words.get(end));
                // The run as a whole, as a name is canonicalised: "C.S. Lewis?" is "c.s. lewis".
                String term = EntityName.canonical(run.toString());
                if (term.length() >= MIN_LENGTH) {
                    terms.add(term);
                }
            }
        }
        return terms;
    }
}
