package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/** Checks that chunks cover a text in order, each overlapping or adjoining the one before. */
public final class ChunkCoverage {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ChunkCoverage() {
    }

    /** The first chunk starts the text. Whitespace is compared collapsed, as chunks keep only paragraph breaks; the text must not repeat itself. */
    public static void assertCovers(String text, List<String> chunks) {
        String whole = WHITESPACE.matcher(text).replaceAll(" ").strip();
        int previousStart = -1;
        int previousEnd = -1;
        for (String chunk : chunks) {
            String flat = WHITESPACE.matcher(chunk).replaceAll(" ");
            int start = whole.indexOf(flat, previousStart + 1);
            assertThat(start).as("chunk found in the text after the previous one: %s", chunk).isGreaterThan(previousStart);
            assertThat(start).as("chunk starts where the previous one ends or before: %s", chunk).isLessThanOrEqualTo(previousEnd + 1);
            previousStart = start;
            previousEnd = start + flat.length();
        }
        assertThat(previousEnd).as("the last chunk ends the text").isEqualTo(whole.length());
    }
}
