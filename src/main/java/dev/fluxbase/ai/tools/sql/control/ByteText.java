package dev.fluxbase.ai.tools.sql.control;

import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * Sizes in bytes (UTF-8, as they travel in frames and provider requests) and text cut to a number of bytes
 * with a visible marker that says how much is missing.
 */
final class ByteText {

    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private ByteText() {
    }

    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The size of a value as JSON text. */
    static int jsonLength(JsonValue value) {
        return utf8Length(value.toString());
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} bytes that does not split a character. */
    static String prefix(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            if (pair) {
                i++;
            }
        }
        return text;
    }

    /**
     * A value of {@code totalBytes} of which {@code start} is known: its first {@code maxBytes}, then the marker
     * {@code …[truncated 249,980,000 bytes]} with the number of bytes left out.
     */
    static String truncated(String start, int maxBytes, long totalBytes) {
        String kept = prefix(start, maxBytes);
        return kept + marker(totalBytes - utf8Length(kept));
    }

    /** {@code text} itself when it fits in {@code maxBytes}, else cut so that it fits with the marker. */
    static String fit(String text, int maxBytes) {
        int length = utf8Length(text);
        if (length <= maxBytes) {
            return text;
        }
        int room = Math.max(0, maxBytes - utf8Length(marker(length)));
        return truncated(text, room, length);
    }

    static String marker(long missingBytes) {
        return String.format(Locale.ROOT, "…[truncated %,d bytes]", missingBytes);
    }

    /** {@code 4 MB}, {@code 16 KB} or {@code 20,000 bytes}: as a person would write the limit. */
    static String human(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        if (bytes >= KB && bytes % KB == 0) {
            return bytes / KB + " KB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
