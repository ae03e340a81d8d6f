package dev.fluxbase.ai.knowledge.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.control.Chunker.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks for the built-in model, checked against its own tokenizer. */
class TokenChunkingTest {

    private static final MiniLmTokens TOKENS = new MiniLmTokens();
    private static final InputLimit MINI_LM = new InputLimit(TOKENS, MiniLm.WINDOW);

    @Test
    void noChunkExceedsTheWindowAndEachKnowsItsExactTokensWhateverTheText() {
        String text = LongDocument.text();
        List<Chunk> chunks = Chunker.of(MINI_LM, 512, 50).split(text);

        assertThat(chunks).hasSizeGreaterThan(10).allSatisfy(chunk -> {
            int read = TOKENS.count(chunk.text()) + TOKENS.specialTokens();
            assertThat(chunk.tokens()).as(chunk.text()).isEqualTo(read).isLessThanOrEqualTo(MiniLm.WINDOW);
        });
        ChunkCoverage.assertCovers(text, chunks.stream().map(Chunk::text).toList());
    }

    @Test
    void mostChunksFillTheWindow() {
        List<Chunk> chunks = Chunker.of(MINI_LM, 512, 50).split(LongDocument.prose(40));
        double average = chunks.stream().mapToInt(Chunk::tokens).average().orElseThrow();
        assertThat(average).isGreaterThan(0.8 * MiniLm.WINDOW);
    }

    @Test
    void aSmallerChunkSizeIsKept() {
        assertThat(Chunker.of(MINI_LM, 100, 10).split(LongDocument.prose(10)))
                .allMatch(chunk -> chunk.tokens() <= 100).hasSizeGreaterThan(5);
    }
}
