package dev.fluxbase.ai.security.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    private static final Instant EXP = Instant.parse("2026-12-03T12:00:00Z");
    private static final TokenLifetime LIFETIME = new TokenLifetime(EXP, Duration.ofSeconds(60));

    @Test
    void holdsUntilExpiryPlusSkewInclusive() {
        assertThat(LIFETIME.expired(EXP.minusSeconds(1))).isFalse();
        assertThat(LIFETIME.expired(EXP.plusSeconds(60))).isFalse();
    }

    @Test
    void expiresTheMomentAfterExpiryPlusSkew() {
        assertThat(LIFETIME.expired(EXP.plusSeconds(60).plusMillis(1))).isTrue();
        assertThat(LIFETIME.expired(EXP.plus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void withoutSkewExpiresRightAfterExp() {
        TokenLifetime strict = new TokenLifetime(EXP, null);
        assertThat(strict.expired(EXP)).isFalse();
        assertThat(strict.expired(EXP.plusMillis(1))).isTrue();
    }

    @Test
    void noTokenNeverExpires() {
        assertThat(TokenLifetime.UNBOUNDED.expired(Instant.MAX)).isFalse();
    }
}
