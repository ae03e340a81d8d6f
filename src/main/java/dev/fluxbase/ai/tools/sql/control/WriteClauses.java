package dev.fluxbase.ai.tools.sql.control;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * The words of a write's text outside parentheses, as JSqlParser's lexer read them (so string literals, quoted names and
 * dollar quotes hide what they hold), each with its place in the text and the number of {@code ?} placeholders before it.
 * A preview builds statements from pieces of the very text the guard judged, never from a re-printed tree, and gives
 * each piece the values of its own placeholders.
 */
final class WriteClauses {

    private final String text;
    private final List<Word> words;
    private final int placeholders;

    /** A word outside parentheses: where it is, and how many placeholders the text holds before it. */
    private record Word(String image, int start, int end, int placeholdersBefore) {
    }

    private WriteClauses(String text, List<Word> words, int placeholders) {
        this.text = text;
        this.words = words;
        this.placeholders = placeholders;
    }

    /**
     * Reads the tokens that follow {@code first}, which the lexer made from {@code text}.
     *
     * @throws IllegalArgumentException when a token is not found where the text says it is: the statement is then not
     *         previewed rather than cut at a wrong place
     */
    static WriteClauses of(String text, Token first) {
        List<Word> words = new ArrayList<>();
        int depth = 0;
        int placeholders = 0;
        int at = 0;
        for (Token token = first; token != null && token.kind != 0; token = token.next) {
            int start = text.indexOf(token.image, at);
            if (start < 0 || !text.substring(at, start).isBlank()) {
                throw new IllegalArgumentException("token " + token.image + " not at " + at);
            }
            at = start + token.image.length();
            switch (token.image) {
                case "(", "[" -> depth++;
                case ")", "]" -> depth--;
                case "?" -> placeholders++;
                default -> {
                    if (depth == 0) {
                        words.add(new Word(token.image, start, at, placeholders));
                    }
                }
            }
        }
        if (!text.substring(at).isBlank()) {
            throw new IllegalArgumentException("text after the last token");
        }
        return new WriteClauses(text, List.copyOf(words), placeholders);
    }

    /**
     * The first word outside parentheses at or after word {@code from} that is the keyword {@code keyword}; a FROM
     * of {@code IS [NOT] DISTINCT FROM} is an operator, not a clause.
     *
     * @return its index, or the number of words when there is none
     */
    int find(String keyword, int from) {
        for (int i = Math.max(from, 0); i < words.size(); i++) {
            if (words.get(i).image().equalsIgnoreCase(keyword) && !(i > 0 && "FROM".equalsIgnoreCase(keyword)
                    && words.get(i - 1).image().equalsIgnoreCase("DISTINCT"))) {
                return i;
            }
        }
        return words.size();
    }

    /** Whether {@code index}, from {@link #find}, is a word. */
    boolean found(int index) {
        return index < words.size();
    }

    /** The text from the start of word {@code from} (or the text's start, for -1) up to the start of word {@code to}. */
    String text(int from, int to) {
        return text.substring(start(from), start(to));
    }

    /** The text after word {@code after} up to the start of word {@code to}. */
    String textAfter(int after, int to) {
        return text.substring(words.get(after).end(), start(to));
    }

    /** Whether {@code parameters} are none (the text binds nothing) or one for each placeholder. */
    boolean binds(List<String> parameters) {
        return parameters.isEmpty() || parameters.size() == placeholders;
    }

    /**
     * The values of the placeholders between the start of word {@code from} (or the text's start, for -1) and the start
     * of word {@code to}: those of {@link #text} and of {@link #textAfter} alike, since a word is no placeholder.
     *
     * @throws IllegalArgumentException when {@code parameters} are not one for each placeholder
     */
    List<String> values(List<String> parameters, int from, int to) {
        if (parameters.isEmpty()) {
            return List.of();
        }
        if (!binds(parameters)) {
            throw new IllegalArgumentException(parameters.size() + " values for " + placeholders + " placeholders");
        }
        return parameters.subList(placeholdersBefore(from), placeholdersBefore(to));
    }

    private int placeholdersBefore(int index) {
        if (index < 0) {
            return 0;
        }
        return index < words.size() ? words.get(index).placeholdersBefore() : placeholders;
    }

    private int start(int index) {
        if (index < 0) {
            return 0;
        }
        return index < words.size() ? words.get(index).start() : text.length();
    }
}
