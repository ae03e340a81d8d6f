package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void shortTextIsOneChunkWithItsParagraphs() {
        assertThat(new Chunker(100, 10).split("First paragraph.\n\n  Second   one.\n"))
                .containsExactly("First paragraph.\n\nSecond one.");
    }

    @Test
    void emptyTextHasNoChunks() {
        assertThat(new Chunker(100, 10).split(" \n\n ")).isEmpty();
    }

    @Test
    void paragraphsAreKeptWholeWhenTheyFit() {
        List<String> chunks = new Chunker(30, 0).split("Alpha beta gamma delta.\n\nEpsilon zeta eta theta.");
        assertThat(chunks).containsExactly("Alpha beta gamma delta.", "Epsilon zeta eta theta.");
    }

    @Test
    void longParagraphsSplitAtSentences() {
        List<String> chunks = new Chunker(40, 0).split("The cat sat on the mat. The dog lay on the rug. The bird sang.");
        assertThat(chunks).containsExactly("The cat sat on the mat.", "The dog lay on the rug. The bird sang.");
    }

    @Test
    void longSentencesSplitAtWordsAndLongWordsAreCut() {
        List<String> chunks = new Chunker(10, 0).split("one two three four abcdefghijklmnop");
        assertThat(chunks).allMatch(chunk -> chunk.length() <= 10);
        assertThat(String.join(" ", chunks)).isEqualTo("one two three four abcdefghij klmnop");
    }

    @Test
    void chunksOverlapAtWordBoundaries() {
        List<String> chunks = new Chunker(40, 15).split("The cat sat on the mat. The dog lay on the rug. The bird sang.");
        assertThat(chunks).containsExactly("The cat sat on the mat.", "sat on the mat. The dog lay on the rug.",
                "lay on the rug. The bird sang.");
        assertThat(chunks).allMatch(chunk -> chunk.length() <= 40);
    }

    @Test
    void everyChunkRespectsTheSize() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(50);
        assertThat(new Chunker(120, 30).split(text)).allMatch(chunk -> chunk.length() <= 120).hasSizeGreaterThan(20);
    }

    @Test
    void tokenSizesAreFourCharactersEach() {
        assertThat(Chunker.ofTokens(5, 0).split("12345678901234567890 x")).containsExactly("12345678901234567890", "x");
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new Chunker(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
