package dev.fluxbase.ai.quotas.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenReservationTest {

    @Test
    void aReservationIsHeldOnTheDayOfTheAdmission() {
        TokenReservation reservation = TokenReservation.of(100, Instant.parse("2026-03-01T23:59:59.500Z"));

        assertThat(reservation.isHeld()).isTrue();
        assertThat(reservation.tokens()).isEqualTo(100);
        assertThat(reservation.dayStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void aTurnCrossingMidnightIsBookedOnTheDayItWasAdmitted() {
        TokenReservation reservation = TokenReservation.of(100, Instant.parse("2026-03-01T23:59:59Z"));

        assertThat(reservation.bookingDay(Instant.parse("2026-03-02T00:00:10Z"))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void withoutAReservationATurnIsBookedOnTheDayItEnded() {
        assertThat(TokenReservation.NONE.isHeld()).isFalse();
        assertThat(TokenReservation.NONE.tokens()).isZero();
        assertThat(TokenReservation.NONE.bookingDay(Instant.parse("2026-03-02T00:00:10Z"))).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }
}
