package dev.fluxbase.ai.providers.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asked us to wait: {@code retry-after-ms} (OpenAI, Azure) or {@code Retry-After}. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> parse(String retryAfterMs, String retryAfter, Instant now) {
        Optional<Duration> millis = number(retryAfterMs).map(ms -> Duration.ofMillis(ms.longValue()));
        if (millis.isPresent()) {
            return millis;
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(retryAfter).map(s -> Duration.ofMillis((long) (s * 1000)));
        return seconds.isPresent() ? seconds : date(retryAfter.strip(), now);
    }

    private static Optional<Double> number(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.strip());
            return Double.isFinite(number) ? Optional.of(Math.max(0, number)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
