package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BookingAttemptsTest {

    private final List<Long> pauses = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private Runnable failingTimes(int failures) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("In-use connections equal max-pool-size");
            }
        };
    }

    @Test
    void aBookingThatFailsIsTriedAgainWithLongerPauses() {
        BookingAttempts.book(failingTimes(3), Duration.ofSeconds(30), pauses::add);

        assertThat(attempts).hasValue(4);
        assertThat(pauses).containsExactly(50_000_000L, 100_000_000L, 200_000_000L);
    }

    @Test
    void withoutPatienceItIsTriedOnce() {
        assertThatThrownBy(() -> BookingAttempts.book(failingTimes(1), Duration.ZERO, pauses::add))
                .hasMessageContaining("max-pool-size");

        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void itGivesUpWithTheLastFailureOnceItsPatienceIsSpent() {
        assertThatThrownBy(() -> BookingAttempts.book(failingTimes(Integer.MAX_VALUE), Duration.ofMillis(120),
                nanos -> {
                    pauses.add(nanos);
                    BookingAttempts.SLEEP.accept(nanos);
                })).hasMessageContaining("max-pool-size");

        assertThat(attempts).hasValue(2);
        assertThat(pauses).containsExactly(50_000_000L);
    }
}
