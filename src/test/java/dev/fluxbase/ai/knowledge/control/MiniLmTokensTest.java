package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The built-in model's own tokenizer, loaded from the model's files as the server loads it. */
class MiniLmTokensTest {

    private static final MiniLmTokens TOKENS = new MiniLmTokens();

    @Test
    void countsWordPiecesAsTheModelReadsThem() {
        // hello , world ! | un ##aff ##able: lower-cased, punctuation apart, unknown words in pieces
        assertThat(TOKENS.count("Hello, World!")).isEqualTo(4);
        assertThat(TOKENS.count("unaffable")).isEqualTo(3);
        assertThat(TOKENS.specialTokens()).isEqualTo(2);
        assertThat(TOKENS.exact()).isTrue();
    }

    @Test
    void countsALongTextInFullRatherThanAtTheWindow() {
        assertThat(TOKENS.count("word ".repeat(600))).isEqualTo(600);
    }

    @Test
    void tokenStartsIndexTheStringEvenAfterCharactersBeyondTheBasicPlane() {
        String text = "a \uD83D\uDE00 bc, d";
        assertThat(TOKENS.tokenStarts(text)).containsExactly(0, 2, 5, 7, 9);
    }

    @Test
    void oneInstanceCountsFromManyThreadsAtOnce() {
        List<String> texts = IntStream.range(0, 200).mapToObj(i -> "Tent number " + i + " is dry. ".repeat(i % 7 + 1)).toList();
        List<Integer> alone = texts.stream().map(TOKENS::count).toList();
        assertThat(texts.parallelStream().map(TOKENS::count).toList()).isEqualTo(alone);
    }
}
