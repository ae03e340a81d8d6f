package dev.fluxbase.ai.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenerationCacheTest {

    private final GenerationCache<String, String> cache = new GenerationCache<>();
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void aValueIsReadOncePerGeneration() {
        assertThat(cache.get("a", 1, this::read)).isEqualTo("a#1");
        assertThat(cache.get("a", 1, this::read)).isEqualTo("a#1");

        assertThat(cache.get("a", 2, this::read)).isEqualTo("a#2");
        assertThat(cache.get("a", 2, this::read)).isEqualTo("a#2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void nothingIsKeptWhileTheGenerationIsUnknown() {
        assertThat(cache.get("a", -1, this::read)).isEqualTo("a#1");
        assertThat(cache.get("a", -1, this::read)).isEqualTo("a#2");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aValueReadDuringAChangeIsNotServedAfterIt() {
        // a reader took generation 1, the change committed (generation 2) and another reader stored the new value
        cache.get("a", 2, key -> "new");
        // then the first reader, slower, stores what it read before the change
        cache.get("a", 1, key -> "old");

        assertThat(cache.get("a", 2, this::read)).isEqualTo("new");
    }

    @Test
    void valuesOfOlderGenerationsAreDropped() {
        cache.get("a", 1, this::read);
        cache.get("b", 1, this::read);

        cache.get("c", 2, this::read);

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aFailedReadKeepsNothing() {
        assertThatThrownBy(() -> cache.get("a", 1, key -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");

        assertThat(cache.get("a", 1, this::read)).isEqualTo("a#1");
    }
}
