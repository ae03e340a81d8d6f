package dev.fluxbase.ai.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MinuteCounterTest {

    private static final Instant MINUTE = Instant.parse("2025-03-01T10:15:00Z");

    @Test
    void countsUpToTheLimitPerKeyAndSaysWhenTheMinuteEnds() {
        MinuteCounter counter = new MinuteCounter(2);

        assertThat(counter.count("user:a", MINUTE.plusSeconds(10))).isZero();
        assertThat(counter.count("user:a", MINUTE.plusSeconds(20))).isZero();
        assertThat(counter.count("user:a", MINUTE.plusSeconds(37))).isEqualTo(23);
        assertThat(counter.count("user:b", MINUTE.plusSeconds(37))).as("another key has its own count").isZero();
    }

    @Test
    void aRefusedEventIsNotCounted() {
        MinuteCounter counter = new MinuteCounter(1);
        counter.count("ip:1.2.3.4", MINUTE);
        for (int i = 0; i < 5; i++) {
            assertThat(counter.count("ip:1.2.3.4", MINUTE.plusSeconds(50))).isEqualTo(10);
        }

        assertThat(counter.count("ip:1.2.3.4", MINUTE.plusSeconds(60))).as("the next minute starts from zero").isZero();
        assertThat(counter.count("ip:1.2.3.4", MINUTE.plusSeconds(61))).isEqualTo(59);
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        MinuteCounter counter = new MinuteCounter(0);

        assertThat(counter.count("user:a", MINUTE.plusMillis(59_999))).isEqualTo(1);
        assertThat(counter.count("user:a", MINUTE.plusMillis(100))).isEqualTo(60);
    }

    @Test
    void staleWindowsAreDroppedSoOnlyThisMinutesKeysStayInMemory() {
        MinuteCounter counter = new MinuteCounter(5);
        for (int i = 0; i < 1000; i++) {
            counter.count("user:" + i, MINUTE.plusSeconds(i % 60));
        }
        assertThat(counter.keys()).isEqualTo(1000);

        counter.count("user:late", MINUTE.plusSeconds(61));

        assertThat(counter.keys()).isEqualTo(1);
    }

    @Test
    void concurrentEventsNeverExceedTheLimit() throws Exception {
        MinuteCounter counter = new MinuteCounter(50);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return counter.count("user:shared", MINUTE.plusSeconds(30));
            }));
        }
        start.countDown();
        long counted = 0;
        for (Future<Long> result : results) {
            counted += result.get(10, TimeUnit.SECONDS) == 0 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(counted).isEqualTo(50);
    }
}
