package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.providers.entity.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4));

    @Test
    void retriesRateLimitsAndServerErrorsWithGrowingPauses() {
        ProviderException overloaded = ProviderException.forStatus(503, "busy");
        assertThat(policy.pauseBefore(1, overloaded, 0.0)).contains(Duration.ofMillis(250));
        assertThat(policy.pauseBefore(1, overloaded, 0.999)).get().matches(d -> d.toMillis() >= 499 && d.toMillis() <= 500);
        assertThat(policy.pauseBefore(2, overloaded, 0.0)).contains(Duration.ofMillis(500));
        assertThat(policy.pauseBefore(3, ProviderException.forStatus(429, ""), 0.0)).contains(Duration.ofMillis(1000));
        assertThat(policy.pauseBefore(4, overloaded, 0.0)).isEmpty();
    }

    @Test
    void theBackoffIsCappedByTheLongestPause() {
        RetryPolicy many = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(many.pauseBefore(9, ProviderException.forStatus(500, ""), 0.0)).contains(Duration.ofSeconds(2));
    }

    @Test
    void neverRetriesWhatAnotherAttemptCannotFix() {
        assertThat(policy.pauseBefore(1, ProviderException.forStatus(401, ""), 0.5)).isEmpty();
        assertThat(policy.pauseBefore(1, ProviderException.forStatus(400, "bad"), 0.5)).isEmpty();
        assertThat(policy.pauseBefore(1, ProviderException.of(ProviderException.Failure.TIMEOUT, "slow"), 0.5)).isEmpty();
        assertThat(policy.pauseBefore(1, ProviderException.of(ProviderException.Failure.BROKEN_STREAM, "cut"), 0.5)).isEmpty();
    }

    @Test
    void honoursASmallRetryAfterAndGivesUpOnALargeOne() {
        assertThat(policy.pauseBefore(1, ProviderException.forStatus(429, "", Duration.ofSeconds(2)), 0.0)).contains(Duration.ofSeconds(2));
        assertThat(policy.pauseBefore(1, ProviderException.forStatus(429, "", Duration.ofMillis(10)), 0.0)).contains(Duration.ofMillis(250));
        assertThat(policy.pauseBefore(1, ProviderException.forStatus(429, "", Duration.ofSeconds(30)), 0.0)).isEmpty();
    }

    @Test
    void readsRetryAfterInEveryForm() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(RetryAfter.parse(null, "3", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(null, "0.5", now)).contains(Duration.ofMillis(500));
        assertThat(RetryAfter.parse("1200", "3", now)).contains(Duration.ofMillis(1200));
        assertThat(RetryAfter.parse(null, "Wed, 01 Jan 2025 00:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(null, "Tue, 31 Dec 2024 23:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(null, "soon", now)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse(null, null, now)).isEmpty();
    }
}
