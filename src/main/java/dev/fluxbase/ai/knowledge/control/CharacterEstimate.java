package dev.fluxbase.ai.knowledge.control;

import java.util.Arrays;

/**
 * Tokens estimated from characters, for models behind a provider whose tokenizer cannot run here: one token
 * per 3 characters of each word, rounded up, whitespace free. English prose averages about 4 characters per
 * token in OpenAI's and BERT-family tokenizers, so the estimate errs towards smaller chunks, which leaves
 * room for code, numbers and most other languages within the model's input limit. Like WordPiece, no token
 * crosses whitespace, so the chunker's sums stay consistent.
 */
public final class CharacterEstimate implements TokenCounter {

    public static final int CHARS_PER_TOKEN = 3;
    public static final CharacterEstimate INSTANCE = new CharacterEstimate();

    private CharacterEstimate() {
    }

    @Override
    public int[] tokenStarts(String text) {
        int[] starts = new int[text.length()];
        int count = 0;
        int inWord = 0;
        // By code points, so that a token never starts in the middle of a surrogate pair.
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (Character.isWhitespace(text.codePointAt(i))) {
                inWord = 0;
            } else if (inWord++ % CHARS_PER_TOKEN == 0) {
                starts[count++] = i;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public boolean exact() {
        return false;
    }
}
