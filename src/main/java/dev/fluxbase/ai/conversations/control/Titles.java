package dev.fluxbase.ai.conversations.control;

import java.nio.charset.StandardCharsets;

/**
 * A conversation's title from its first message, as Fluxbase makes it: short messages as they are,
 * longer ones cut at 50 bytes (at a space when one is near the end) with an ellipsis.
 */
final class Titles {

    static final int MAX_BYTES = 50;
    private static final int SPACE_AFTER = 30;
    static final String UNTITLED = "New conversation";

    private Titles() {
    }

    static String of(String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            return UNTITLED;
        }
        if (utf8Length(text) <= MAX_BYTES) {
            return text;
        }
        String cut = prefixWithin(text, MAX_BYTES);
        int space = cut.lastIndexOf(' ');
        return (space > SPACE_AFTER ? cut.substring(0, space) : cut) + "...";
    }

    /** The longest prefix of whole characters that fits the bytes: never half a character. */
    private static String prefixWithin(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(new String(Character.toChars(codePoint)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
