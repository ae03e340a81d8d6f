package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TurnStateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aTurnRefusedAtAdmissionHoldsNothing() {
        TurnState turn = new TurnState("t-1", NOW);

        turn.failed("TOKEN_BUDGET_EXCEEDED");

        assertThat(turn.isAdmitted()).isFalse();
        assertThat(turn.outcome()).isEqualTo(Outcome.refused);
        assertThat(turn.reservation()).isEqualTo(TokenReservation.NONE);
    }

    @Test
    void anAdmittedTurnKeepsItsReservationWhateverItsEnd() {
        TokenReservation held = TokenReservation.of(100, NOW);
        TurnState failed = new TurnState("t-1", NOW);
        TurnState cancelled = new TurnState("t-1", NOW);

        failed.admitted(held);
        failed.failed("PROVIDER_ERROR");
        cancelled.admitted(held);
        cancelled.cancelled();

        assertThat(failed.outcome()).isEqualTo(Outcome.error);
        assertThat(failed.reservation()).isEqualTo(held);
        assertThat(cancelled.outcome()).isEqualTo(Outcome.cancelled);
        assertThat(cancelled.reservation()).isEqualTo(held);
    }
}
