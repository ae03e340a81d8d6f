package dev.fluxbase.ai.tools.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The backstop on what the LLM reads of one tool result, whatever the tool returned: at most so many UTF-8
 * bytes, cut at a character boundary and ended with a marker that tells the LLM how much it does not see.
 * Tools shape their own results to fit; this keeps one that does not from filling the model's context.
 */
public final class ToolResultCap {

    private ToolResultCap() {
    }

    /**
     * @param maxBytes the most UTF-8 bytes of the result, marker included (a cap smaller than the marker leaves just the marker)
     * @return the result itself when it fits, else its beginning and the marker
     */
    public static String cut(String result, int maxBytes) {
        if (result.length() <= maxBytes / 3) {
            return result; // no character takes more than three bytes per char of the string
        }
        int total = utf8Length(result, result.length());
        if (total <= maxBytes) {
            return result;
        }
        // the marker for all the bytes is at least as long as the one for those left out
        int room = Math.max(0, maxBytes - marker(total).getBytes(StandardCharsets.UTF_8).length);
        int end = prefixFitting(result, room);
        return result.substring(0, end) + marker(total - utf8Length(result, end));
    }

    static String marker(long omittedBytes) {
        return String.format(Locale.ROOT, "\n…[tool result truncated: %,d more bytes not shown]", omittedBytes);
    }

    /** The end of the longest beginning of {@code text} within {@code room} bytes that splits no character. */
    private static int prefixFitting(String text, int room) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int width = charsAt(text, i);
            int size = utf8Bytes(text, i);
            if (bytes + size > room) {
                break;
            }
            bytes += size;
            i += width;
        }
        return i;
    }

    private static int utf8Length(String text, int end) {
        int bytes = 0;
        for (int i = 0; i < end; i += charsAt(text, i)) {
            bytes += utf8Bytes(text, i);
        }
        return bytes;
    }

    /** Two for a surrogate pair, else one. */
    private static int charsAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    /** The UTF-8 bytes of the character at {@code i}; a lone surrogate counts as three (it is replaced when encoded). */
    private static int utf8Bytes(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return charsAt(text, i) == 2 ? 4 : 3;
    }
}
