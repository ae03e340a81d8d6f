package dev.fluxbase.ai.knowledge.control;

import java.util.List;

/**
 * Long test documents that never repeat a sentence (so that a chunk is found at one place only): prose, and
 * the texts that defeat boundaries: a paragraph without sentence ends, Chinese without spaces, a dotted
 * identifier of hundreds of tokens, accents and emoji.
 */
public final class LongDocument {

    private static final List<String> WORDS = List.of("tent", "stove", "rope", "boots", "jacket", "trail", "summit",
            "valley", "river", "campfire", "compass", "lantern", "backpack", "glacier", "ridge", "harness");

    private LongDocument() {
    }

    /** Paragraphs of nine numbered sentences about gear (about 230 of the built-in model's tokens). */
    public static String prose(int paragraphs) {
        return prose("Note", paragraphs, 9);
    }

    /** Paragraphs of sentences about gear, numbered after the label. */
    public static String prose(String label, int paragraphs, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0; s < sentences; s++) {
                int n = p * sentences + s;
                text.append(label).append(' ').append(n).append(": the ").append(word(n)).append(" by the ").append(word(n * 7 + 3))
                        .append(" must be checked before the ").append(word(n * 5 + 1)).append(" trip, unless the ")
                        .append(word(n * 3 + 2)).append(" was inspected within ").append(n % 12 + 2).append(" days. ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    public static String text() {
        StringBuilder run = new StringBuilder();
        for (int n = 0; n < 400; n++) {
            run.append(word(n)).append('-').append(n).append(n % 5 == 0 ? ", " : " ");
        }
        StringBuilder chinese = new StringBuilder();
        for (int n = 0; n < 700; n++) {
            chinese.append((char) ('\u4e00' + n * 13 % 2000));
        }
        StringBuilder dotted = new StringBuilder("config");
        for (int n = 0; n < 300; n++) {
            dotted.append('.').append(word(n)).append(n);
        }
        return prose(6) + "Without a sentence end: " + run + "\n\n" + chinese + "\n\n" + dotted + "\n\n"
                + "Crème brûlée à la façon du chef, naïve café 😀 ⛺ 🏔️ déjà vu.\n\n" + prose("Remark", 3, 9);
    }

    private static String word(int n) {
        return WORDS.get(Math.floorMod(n, WORDS.size()));
    }
}
