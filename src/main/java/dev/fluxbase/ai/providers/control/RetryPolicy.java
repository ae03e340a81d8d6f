package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ProviderException;
import java.time.Duration;
import java.util.Optional;

/**
 * When to try a provider again: only for 429 and 5xx, at most {@code maxRetries} times, after an
 * exponentially growing pause with jitter, or after the provider's {@code Retry-After} when that is
 * no longer than {@code maxDelay} (a provider that asks for more is not waited for).
 */
record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    /**
     * @param retry  the number of the retry about to happen, from 1
     * @param random a number in [0, 1) that spreads the pauses of concurrent callers
     * @return the pause before that retry, or empty when the failure must not be retried
     */
    Optional<Duration> pauseBefore(int retry, ProviderException failure, double random) {
        if (!failure.failure().retryable() || retry > maxRetries) {
            return Optional.empty();
        }
        Duration backoff = backoff(retry);
        Duration jittered = backoff.dividedBy(2).plusMillis((long) (random * backoff.toMillis() / 2));
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent() && asked.get().compareTo(maxDelay) > 0) {
            return Optional.empty();
        }
        return Optional.of(asked.filter(a -> a.compareTo(jittered) > 0).orElse(jittered));
    }

    private Duration backoff(int retry) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(retry - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
