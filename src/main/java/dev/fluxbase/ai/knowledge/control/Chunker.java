package dev.fluxbase.ai.knowledge.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into chunks of at most {@code maxTokens} tokens of the embedding model, its special tokens
 * included, counted by a {@link TokenCounter}. Boundaries are kept where they fit: whole paragraphs first,
 * then sentences, then words; only a single word of more tokens than a chunk takes is cut, between two of
 * its tokens. Each chunk after the first starts with up to {@code overlapTokens} tokens from the end of
 * the previous one, cut at a word boundary, so that a fact spanning a boundary is still found whole in
 * one of them.
 *
 * <p>Each paragraph is tokenized once and its sentences and words are counted by where their tokens start:
 * a tokenizer that never lets a token cross whitespace (BERT's WordPiece) counts a chunk, whose pieces
 * are joined by whitespace, as the sum of its pieces, so the counts are exact.
 */
public final class Chunker {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_BREAKS = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final TokenCounter tokens;
    private final int specialTokens;
    private final int maxTextTokens;
    private final int overlapTokens;

    /** A chunk's text and its tokens as the model reads them, special tokens included. */
    public record Chunk(String text, int tokens) {
    }

    public Chunker(TokenCounter tokens, int maxTokens, int overlapTokens) {
        if (maxTokens <= 0 || overlapTokens < 0) {
            throw new IllegalArgumentException("chunk size must be positive and overlap not negative");
        }
        this.tokens = tokens;
        this.specialTokens = tokens.specialTokens();
        // The special tokens take part of every chunk; a chunk still holds at least one token of text.
        this.maxTextTokens = Math.max(1, maxTokens - specialTokens);
        // An overlap of half a chunk or more would make chunks mostly repeats.
        this.overlapTokens = Math.min(overlapTokens, maxTextTokens / 2);
    }

    /** A knowledge base's chunking: its chunk size, capped at the model's input limit, and overlap. */
    public static Chunker of(InputLimit limit, int chunkSize, int chunkOverlap) {
        return new Chunker(limit.tokens(), limit.chunkSize(chunkSize), chunkOverlap);
    }

    public List<Chunk> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(text.strip())) {
            String clean = WHITESPACE.matcher(paragraph).replaceAll(" ").strip();
            if (!clean.isEmpty()) {
                addPieces(clean, pieces);
                pieces.get(pieces.size() - 1).endsParagraph = true;
            }
        }
        return pack(pieces);
    }

    private void addPieces(String paragraph, List<Piece> pieces) {
        int[] starts = tokens.tokenStarts(paragraph);
        if (starts.length <= maxTextTokens) {
            pieces.add(new Piece(paragraph, starts.length));
            return;
        }
        Matcher breaks = SENTENCE_BREAKS.matcher(paragraph);
        int from = 0;
        while (from < paragraph.length()) {
            boolean found = breaks.find();
            int to = found ? breaks.start() : paragraph.length();
            addSentence(paragraph, from, to, starts, pieces);
            from = found ? breaks.end() : to;
        }
    }

    private void addSentence(String paragraph, int from, int to, int[] starts, List<Piece> pieces) {
        int sentenceTokens = tokensIn(starts, from, to);
        if (sentenceTokens <= maxTextTokens) {
            pieces.add(new Piece(paragraph.substring(from, to), sentenceTokens));
            return;
        }
        for (int wordStart = from; wordStart < to; ) {
            int space = paragraph.indexOf(' ', wordStart);
            int wordEnd = space < 0 || space > to ? to : space;
            int wordTokens = tokensIn(starts, wordStart, wordEnd);
            if (wordTokens <= maxTextTokens) {
                pieces.add(new Piece(paragraph.substring(wordStart, wordEnd), wordTokens));
            } else {
                addCut(paragraph.substring(wordStart, wordEnd), pieces);
            }
            wordStart = wordEnd + 1;
        }
    }

    /** A word too long for a chunk, cut between tokens; each part is counted on its own, as it will be read. */
    private void addCut(String word, List<Piece> pieces) {
        String rest = word;
        while (!rest.isEmpty()) {
            int[] starts = tokens.tokenStarts(rest);
            if (starts.length <= maxTextTokens) {
                pieces.add(new Piece(rest, starts.length));
                return;
            }
            int take = maxTextTokens;
            String part = rest.substring(0, starts[take]);
            int partTokens = tokens.count(part);
            // A prefix ending between tokens keeps them in WordPiece; shrink in case a tokenizer differs.
            while (partTokens > maxTextTokens && take > 1) {
                part = rest.substring(0, starts[--take]);
                partTokens = tokens.count(part);
            }
            pieces.add(new Piece(part, partTokens));
            rest = rest.substring(part.length());
        }
    }

    private List<Chunk> pack(List<Piece> pieces) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentTokens = 0;
        boolean currentHasNew = false;
        String separator = "";
        for (Piece piece : pieces) {
            if (currentHasNew && currentTokens + piece.tokens > maxTextTokens) {
                chunks.add(new Chunk(current.toString(), currentTokens + specialTokens));
                Piece overlap = overlap(current.toString(), piece.tokens);
                current = new StringBuilder(overlap.text);
                currentTokens = overlap.tokens;
                separator = current.length() == 0 ? "" : " ";
            }
            current.append(current.length() == 0 ? "" : separator).append(piece.text);
            currentTokens += piece.tokens;
            currentHasNew = true;
            separator = piece.endsParagraph ? "\n\n" : " ";
        }
        if (currentHasNew) {
            chunks.add(new Chunk(current.toString(), currentTokens + specialTokens));
        }
        return chunks;
    }

    /** The tail of the previous chunk that still leaves room for the next piece, starting at a word. */
    private Piece overlap(String previous, int nextTokens) {
        int room = Math.min(overlapTokens, maxTextTokens - nextTokens);
        if (room <= 0) {
            return Piece.NONE;
        }
        int[] starts = tokens.tokenStarts(previous);
        int from = starts.length <= room ? 0 : starts[starts.length - room];
        if (from > 0 && !Character.isWhitespace(previous.charAt(from - 1))) {
            while (from < previous.length() && !Character.isWhitespace(previous.charAt(from))) {
                from++;
            }
        }
        while (from < previous.length() && Character.isWhitespace(previous.charAt(from))) {
            from++;
        }
        return from == previous.length() ? Piece.NONE
                : new Piece(previous.substring(from), starts.length - tokensBefore(starts, from));
    }

    private static int tokensIn(int[] starts, int from, int to) {
        return tokensBefore(starts, to) - tokensBefore(starts, from);
    }

    /** How many tokens start before the index. */
    private static int tokensBefore(int[] starts, int index) {
        int found = Arrays.binarySearch(starts, index);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && starts[found - 1] == index) {
            found--;
        }
        return found;
    }

    private static final class Piece {
        static final Piece NONE = new Piece("", 0);

        final String text;
        final int tokens;
        boolean endsParagraph;

        Piece(String text, int tokens) {
            this.text = text;
            this.tokens = tokens;
        }
    }
}
