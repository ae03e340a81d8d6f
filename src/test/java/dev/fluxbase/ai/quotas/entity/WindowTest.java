package dev.fluxbase.ai.quotas.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void windowsAreKeyedByTheirStartInUtc() {
        Instant now = Instant.parse("2026-03-01T23:59:37.250Z");
        assertThat(Window.MINUTE.start(now)).isEqualTo(Instant.parse("2026-03-01T23:59:00Z"));
        assertThat(Window.DAY.start(now)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Window.DAY.end(now)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void secondsLeftRoundUpAndAreNeverZero() {
        assertThat(Window.MINUTE.secondsLeft(Instant.parse("2026-03-01T23:59:37.250Z"))).isEqualTo(23);
        assertThat(Window.MINUTE.secondsLeft(Instant.parse("2026-03-01T23:59:00Z"))).isEqualTo(60);
        assertThat(Window.MINUTE.secondsLeft(Instant.parse("2026-03-01T23:59:59.999Z"))).isEqualTo(1);
        assertThat(Window.DAY.secondsLeft(Instant.parse("2026-03-01T23:59:30Z"))).isEqualTo(30);
    }

    @Test
    void anonymousSubjectsAreKeyedByAddress() {
        assertThat(QuotaSubject.of("u1", "10.0.0.1").key()).isEqualTo("user:u1");
        assertThat(QuotaSubject.of(null, "10.0.0.1").key()).isEqualTo("ip:10.0.0.1");
        assertThat(QuotaSubject.of(null, null).key()).isEqualTo("ip:unknown");
    }
}
