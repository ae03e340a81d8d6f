package dev.fluxbase.ai.chat.control;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Tries a turn's booking again while it fails, for a while. A turn that reached the provider has used
 * tokens: a connection pool that is busy for longer than its wait (a burst of turns ending at once) must
 * not lose them from the ledger and the token budget. The booking is one transaction, so a failed attempt
 * leaves nothing behind.
 */
final class BookingAttempts {

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(50).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    /** Waits the given nanoseconds between attempts. */
    interface Pauser extends LongConsumer {
    }

    static final Pauser SLEEP = nanos -> {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)); // a pause between attempts, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    private BookingAttempts() {
    }

    /**
     * @param patience how long after the first failure it is tried again; zero tries once
     * @throws RuntimeException the last failure when the booking never succeeded
     */
    static void book(Runnable booking, Duration patience, Pauser pauser) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            try {
                booking.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + pause > deadline || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                pauser.accept(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }
}
