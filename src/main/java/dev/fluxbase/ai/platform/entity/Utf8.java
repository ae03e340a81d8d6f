package dev.fluxbase.ai.platform.entity;

/**
 * Sizes of text in UTF-8 bytes, as it travels in frames and provider requests, counted without encoding it (texts run
 * to megabytes), and text cut to a number of bytes without splitting a character. A surrogate pair is four bytes; a
 * lone surrogate three.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static int length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i += chars(text, i)) {
            bytes += bytes(text, i);
        }
        return bytes;
    }

    /** The longest beginning of {@code text} of at most {@code maxBytes} bytes that does not split a character. */
    public static String prefix(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i += chars(text, i)) {
            int size = bytes(text, i);
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
        }
        return text;
    }

    /** Two for a surrogate pair, else one. */
    private static int chars(CharSequence text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    private static int bytes(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return chars(text, i) == 2 ? 4 : 3;
    }
}
