package dev.fluxbase.ai.knowledge.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into chunks of at most {@code maxChars} characters. Sizes are characters, not tokens:
 * knowledge bases store theirs as approximate tokens and convert at {@link #CHARS_PER_TOKEN}.
 * Boundaries are kept where they fit: whole paragraphs first, then sentences, then words; only a
 * single word longer than a chunk is cut. Each chunk after the first starts with up to
 * {@code overlapChars} from the end of the previous one, cut at a word boundary, so that a fact
 * spanning a boundary is still found whole in one of them.
 */
public final class Chunker {

    public static final int CHARS_PER_TOKEN = 4;

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int maxChars;
    private final int overlapChars;

    public Chunker(int maxChars, int overlapChars) {
        if (maxChars <= 0 || overlapChars < 0) {
            throw new IllegalArgumentException("chunk size must be positive and overlap not negative");
        }
        this.maxChars = maxChars;
        // An overlap of half a chunk or more would make chunks mostly repeats.
        this.overlapChars = Math.min(overlapChars, maxChars / 2);
    }

    /** A knowledge base's settings, given in approximate tokens. */
    public static Chunker ofTokens(int chunkSize, int chunkOverlap) {
        return new Chunker(chunkSize * CHARS_PER_TOKEN, chunkOverlap * CHARS_PER_TOKEN);
    }

    public List<String> split(String text) {
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
        if (paragraph.length() <= maxChars) {
            pieces.add(new Piece(paragraph));
            return;
        }
        for (String sentence : SENTENCES.split(paragraph)) {
            if (sentence.length() <= maxChars) {
                pieces.add(new Piece(sentence));
            } else {
                for (String word : sentence.split(" ")) {
                    for (int start = 0; start < word.length(); start += maxChars) {
                        pieces.add(new Piece(word.substring(start, Math.min(word.length(), start + maxChars))));
                    }
                }
            }
        }
    }

    private List<String> pack(List<Piece> pieces) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentHasNew = false;
        String separator = "";
        for (Piece piece : pieces) {
            if (currentHasNew && current.length() + separator.length() + piece.text.length() > maxChars) {
                chunks.add(current.toString());
                current = new StringBuilder(overlap(current.toString(), piece.text.length()));
                separator = current.length() == 0 ? "" : " ";
            }
            current.append(current.length() == 0 ? "" : separator).append(piece.text);
            currentHasNew = true;
            separator = piece.endsParagraph ? "\n\n" : " ";
        }
        if (currentHasNew) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** The tail of the previous chunk that still leaves room for the next piece. */
    private String overlap(String previous, int nextLength) {
        int room = Math.min(overlapChars, maxChars - nextLength - 1);
        if (room <= 0) {
            return "";
        }
        String tail = previous.substring(previous.length() - Math.min(room, previous.length()));
        int space = tail.indexOf(' ');
        boolean startsAtWord = tail.length() == previous.length() || Character.isWhitespace(previous.charAt(previous.length() - tail.length() - 1));
        String cut = startsAtWord ? tail : space < 0 ? "" : tail.substring(space + 1);
        return cut.strip();
    }

    private static final class Piece {
        final String text;
        boolean endsParagraph;

        Piece(String text) {
            this.text = text;
        }
    }
}
