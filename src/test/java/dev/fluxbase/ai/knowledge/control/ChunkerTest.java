package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.knowledge.control.Chunker.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunker against a tokenizer whose tokens are easy to count by eye: see {@link FourLetterTokens}. */
class ChunkerTest {

    private static final FourLetterTokens TOKENS = new FourLetterTokens(0);

    @Test
    void shortTextIsOneChunkWithItsParagraphsAndTokens() {
        assertThat(new Chunker(TOKENS, 100, 10).split("First paragraph.\n\n  Second   one.\n"))
                .containsExactly(new Chunk("First paragraph.\n\nSecond one.", 8));
    }

    @Test
    void emptyTextHasNoChunks() {
        assertThat(new Chunker(TOKENS, 100, 10).split(" \n\n ")).isEmpty();
    }

    @Test
    void paragraphsAreKeptWholeWhenTheyFit() {
        assertThat(texts(new Chunker(TOKENS, 6, 0).split("One two six ten.\n\nAll bad cat dog.")))
                .containsExactly("One two six ten.", "All bad cat dog.");
    }

    @Test
    void longParagraphsSplitAtSentences() {
        assertThat(texts(new Chunker(TOKENS, 10, 0).split("The cat sat on the mat. The dog lay on the rug. The bird sang.")))
                .containsExactly("The cat sat on the mat.", "The dog lay on the rug. The bird sang.");
    }

    @Test
    void longSentencesSplitAtWordsAndOnlyAWordLongerThanAChunkIsCutBetweenItsTokens() {
        List<Chunk> chunks = new Chunker(TOKENS, 3, 0).split("one two three four abcdefghijklmnopq");
        assertThat(texts(chunks)).containsExactly("one two", "three four", "abcdefghijkl", "mnopq");
        assertThat(chunks).extracting(Chunk::tokens).containsExactly(2, 3, 3, 2);
    }

    @Test
    void chunksOverlapByTokensAtWordBoundaries() {
        List<Chunk> chunks = new Chunker(TOKENS, 10, 4).split("The cat sat on the mat. The dog lay on the rug. The bird sang.");
        assertThat(texts(chunks)).containsExactly("The cat sat on the mat.", "sat on the mat. The dog lay on the rug.",
                "lay on the rug. The bird sang.");
        assertThat(chunks).extracting(Chunk::tokens).containsExactly(6, 10, 8);
    }

    @Test
    void theModelsSpecialTokensCountTowardsEveryChunk() {
        FourLetterTokens bert = new FourLetterTokens(2);
        List<Chunk> chunks = new Chunker(bert, 6, 0).split("one two three four five six seven");
        assertThat(texts(chunks)).containsExactly("one two three", "four five six", "seven");
        assertThat(chunks).extracting(Chunk::tokens).containsExactly(6, 5, 4);
    }

    @Test
    void everyChunkRespectsTheSizeAndTheTextIsCoveredInOrder() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            text.append("Sentence ").append(i).append(" says lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
        }
        List<Chunk> chunks = new Chunker(TOKENS, 30, 8).split(text.toString());
        assertThat(chunks).hasSizeGreaterThan(20).allMatch(chunk -> chunk.tokens() <= 30 && chunk.tokens() == TOKENS.count(chunk.text()));
        ChunkCoverage.assertCovers(text.toString(), texts(chunks));
    }

    @Test
    void aKnowledgeBasesChunkSizeIsCappedAtTheModelsInputLimit() {
        InputLimit limit = new InputLimit(TOKENS, 4);
        assertThat(limit.chunkSize(512)).isEqualTo(4);
        assertThat(limit.chunkSize(3)).isEqualTo(3);
        assertThat(Chunker.of(limit, 512, 0).split("one two three four five six")).extracting(Chunk::text)
                .containsExactly("one two three", "four five six");
    }

    @Test
    void aProvidersModelIsEstimatedAtThreeCharactersPerToken() {
        List<Chunk> chunks = Chunker.of(new InputLimit(CharacterEstimate.INSTANCE, 8191), 4, 0).split("123456789012 x");
        assertThat(chunks).containsExactly(new Chunk("123456789012", 4), new Chunk("x", 1));
        assertThat(CharacterEstimate.INSTANCE.tokenStarts("ab\uD83D\uDE00cdef")).containsExactly(0, 4, 7);
        assertThat(CharacterEstimate.INSTANCE.exact()).isFalse();
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new Chunker(TOKENS, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> texts(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::text).toList();
    }

    /** One token per word of up to four characters; longer words take one per four; optional special tokens. */
    private record FourLetterTokens(int specialTokens) implements TokenCounter {

        @Override
        public int[] tokenStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            int wordStart = -1;
            for (int i = 0; i < text.length(); i++) {
                if (Character.isWhitespace(text.charAt(i))) {
                    wordStart = -1;
                } else {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                    if ((i - wordStart) % 4 == 0) {
                        starts.add(i);
                    }
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public boolean exact() {
            return true;
        }
    }
}
