package dev.fluxbase.ai.security.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Loads one issuer's public keys on first use and keeps them. A failure is kept too, for a while: a key file
 * that cannot be read is an operator error that a restart fixes ({@link #keepingFailures}), while an identity
 * provider that cannot be reached may be back in a moment ({@link #retryingFailuresAfter}); retrying on every
 * request would only flood the log and the provider.
 */
final class PublicKeySource {

    private static final Logger LOG = Logger.getLogger(PublicKeySource.class.getName());

    private final Supplier<JWKSource<SecurityContext>> loader;
    private final String origin;
    private final Duration retryAfter;
    private final Clock clock;
    private volatile JWKSource<SecurityContext> keys;
    private volatile Instant failedUntil;

    private PublicKeySource(Supplier<JWKSource<SecurityContext>> loader, String origin, Duration retryAfter, Clock clock) {
        this.loader = loader;
        this.origin = origin;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** Configured key material: a failure to load it stands until a restart. */
    static PublicKeySource keepingFailures(Supplier<JWKSource<SecurityContext>> loader, String origin) {
        return new PublicKeySource(loader, origin, null, Clock.systemUTC());
    }

    /** Keys found over the network: loading is tried again once {@code retryAfter} has passed since a failure. */
    static PublicKeySource retryingFailuresAfter(Duration retryAfter, Supplier<JWKSource<SecurityContext>> loader, String origin, Clock clock) {
        return new PublicKeySource(loader, origin, retryAfter, clock);
    }

    JWKSource<SecurityContext> get() {
        if (keys == null) {
            load();
        }
        if (keys == null) {
            throw new AuthenticationException(ErrorCodes.INVALID_TOKEN,
                    "Token verification is unavailable: the signing keys of " + origin + " could not be loaded");
        }
        return keys;
    }

    private synchronized void load() {
        if (keys != null || failing()) {
            return;
        }
        try {
            keys = loader.get();
            failedUntil = null;
        } catch (RuntimeException e) {
            failedUntil = retryAfter == null ? Instant.MAX : clock.instant().plus(retryAfter);
            LOG.severe("Cannot load the JWT verification keys of " + origin + ": " + e.getMessage()
                    + (retryAfter == null ? "" : " (trying again in " + retryAfter.toSeconds() + " s)"));
        }
    }

    private boolean failing() {
        return failedUntil != null && clock.instant().isBefore(failedUntil);
    }
}
