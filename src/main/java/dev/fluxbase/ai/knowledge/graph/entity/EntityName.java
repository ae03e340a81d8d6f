package dev.fluxbase.ai.knowledge.graph.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An entity's name as written and its canonical form, the key that deduplicates entities of one type:
 * Unicode-compatibility folded, lower case, inner whitespace collapsed, surrounding quotes, brackets and sentence
 * punctuation dropped, so "  ACME  Corp." and "Acme Corp" are one organisation while "C++" keeps its pluses.
 */
public record EntityName(String name, String canonical) {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\"'`.,;:!?()\\[\\]{}\\p{Pi}\\p{Pf}]+|[\\s\"'`.,;:!?()\\[\\]{}\\p{Pi}\\p{Pf}]+$");
    private static final int MAX_LENGTH = 500;

    public EntityName {
        if (canonical == null || canonical.isEmpty()) {
            throw new IllegalArgumentException("An entity needs a name");
        }
    }

    /** The name of what a model or an export called the entity; empty names are refused. */
    public static EntityName of(String written) {
        String name = SPACE.matcher(written == null ? "" : written.strip()).replaceAll(" ");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        return new EntityName(name, canonical(name));
    }

    public static String canonical(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return EDGE_PUNCTUATION.matcher(SPACE.matcher(folded).replaceAll(" ")).replaceAll("");
    }
}
