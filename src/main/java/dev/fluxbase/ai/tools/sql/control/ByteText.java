package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.entity.Utf8;
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

    /** The size of a value as JSON text. */
    static int jsonLength(JsonValue value) {
        return Utf8.length(value.toString());
    }


    /**
     * A value of {@code totalBytes} of which {@code start} is known: its first {@code maxBytes}, then the marker
     * {@code …[truncated 249,980,000 bytes]} with the number of bytes left out.
     */
    static String truncated(String start, int maxBytes, long totalBytes) {
        String kept = Utf8.prefix(start, maxBytes);
        return kept + marker(totalBytes - Utf8.length(kept));
    }

    /** {@code text} itself when it fits in {@code maxBytes}, else cut so that it fits with the marker. */
    static String fit(String text, int maxBytes) {
        int length = Utf8.length(text);
        if (length <= maxBytes) {
            return text;
        }
        int room = Math.max(0, maxBytes - Utf8.length(marker(length)));
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
