package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import java.nio.CharBuffer;

/**
 * Text gathered from a document's structure: runs of white space become one space, a block (paragraph,
 * heading, list item) ends with a blank line and a line break with a new line, so that the chunker keeps
 * paragraphs together; no break or space is written before the first text or after the last. Past the
 * limit's number of characters it refuses the document rather than keep a part of it.
 */
final class BlockText {

    /** In text given to {@link #text(CharSequence)}: a paragraph break (a character of Unicode's private use area). */
    static final char PARAGRAPH_MARK = '\uE000';
    /** In text given to {@link #text(CharSequence)}: a line break. */
    static final char LINE_MARK = '\uE001';

    private static final int NONE = 0;
    private static final int SPACE = 1;
    private static final int LINE = 2;
    private static final int PARAGRAPH = 3;

    private final StringBuilder text = new StringBuilder();
    private final UploadLimits limits;
    private int pending = NONE;

    BlockText(UploadLimits limits) {
        this.limits = limits;
    }

    BlockText text(CharSequence characters) {
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            if (c == PARAGRAPH_MARK) {
                paragraph();
            } else if (c == LINE_MARK) {
                line();
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pending = Math.max(pending, SPACE);
            } else {
                append(c);
            }
        }
        return this;
    }

    BlockText text(char[] characters, int start, int length) {
        return text(CharBuffer.wrap(characters, start, length));
    }

    BlockText space() {
        pending = Math.max(pending, SPACE);
        return this;
    }

    BlockText line() {
        pending = Math.max(pending, LINE);
        return this;
    }

    BlockText paragraph() {
        pending = PARAGRAPH;
        return this;
    }

    private void append(char c) {
        if (!text.isEmpty()) {
            text.append(pending == PARAGRAPH ? "\n\n" : pending == LINE ? "\n" : pending == SPACE ? " " : "");
        }
        pending = NONE;
        text.append(c);
        if (text.length() > limits.maxTextChars()) {
            throw limits.tooMuchText();
        }
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
