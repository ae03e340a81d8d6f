package dev.fluxbase.ai.tools.control;

import dev.fluxbase.ai.platform.entity.Utf8;
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
        int total = Utf8.length(result);
        if (total <= maxBytes) {
            return result;
        }
        // the marker for all the bytes is at least as long as the one for those left out
        int room = Math.max(0, maxBytes - Utf8.length(marker(total)));
        String kept = Utf8.prefix(result, room);
        return kept + marker(total - Utf8.length(kept));
    }

    static String marker(long omittedBytes) {
        return String.format(Locale.ROOT, "\n…[tool result truncated: %,d more bytes not shown]", omittedBytes);
    }
}
