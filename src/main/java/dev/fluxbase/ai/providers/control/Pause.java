package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits before a retry; a cancel ends the wait at once. */
@FunctionalInterface
interface Pause {

    void sleep(Duration duration, CancelSignal cancel);

    Pause CANCELLABLE = (duration, cancel) -> {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (AutoCloseable hook = cancel.onCancel(cancelled::countDown)) {
            cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnCancelled();
        } catch (Exception e) {
            // removing the hook cannot fail
        }
        cancel.throwIfCancelled();
    };
}
