package dev.fluxbase.ai.providers.control;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Access tokens for Azure OpenAI from Microsoft Entra ID. A token is kept until five minutes before it expires (as
 * Azure's own SDKs do), then the next request fetches a new one; one fetch at a time, so turns that start together
 * ask once. The time is the server's clock.
 */
final class EntraTokens {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    /** A token and when it expires; {@link #toString()} leaves the token out. */
    record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Asks Entra ID for a new token at the given time. */
    @FunctionalInterface
    interface Source {
        AccessToken fetch(Instant now);
    }

    private final Source source;
    private final Supplier<Instant> clock;
    private AccessToken current; // guarded by this

    EntraTokens(Source source, Supplier<Instant> clock) {
        this.source = source;
        this.clock = clock;
    }

    /** {@code Bearer <token>}, fetched anew when the one kept is about to expire. */
    synchronized String authorization() {
        Instant now = clock.get();
        if (current == null || !now.isBefore(current.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
            current = source.fetch(now);
        }
        return "Bearer " + current.value();
    }
}
