package dev.fluxbase.ai.security.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * Until when a token verified once (at a socket's open) still counts: its {@code exp} plus the clock skew that
 * verification tolerates, so that a socket and a fresh request agree on when a token has run out.
 *
 * @param expiresAt the token's {@code exp}; null when there is no token, which never expires
 * @param skew      the tolerance of token verification
 */
public record TokenLifetime(Instant expiresAt, Duration skew) {

    /** No token: anonymous sockets are not bound to a lifetime. */
    public static final TokenLifetime UNBOUNDED = new TokenLifetime(null, Duration.ZERO);

    public TokenLifetime {
        skew = skew == null ? Duration.ZERO : skew;
    }

    /** The same rule as verification: refused once {@code now} is after {@code exp + skew}. */
    public boolean expired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt.plus(skew));
    }
}
