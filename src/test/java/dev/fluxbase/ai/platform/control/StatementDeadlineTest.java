package dev.fluxbase.ai.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementDeadlineTest {

    @Test
    void theDeadlineFallsAfterPostgresqlsOwnTimeout() {
        assertThat(StatementDeadline.seconds(180_000)).isEqualTo(185);
        assertThat(StatementDeadline.seconds(10_000)).isEqualTo(15);
        assertThat(StatementDeadline.seconds(1_500)).isEqualTo(7);
        assertThat(StatementDeadline.seconds(1)).isEqualTo(6);
    }

    @Test
    void noTimeoutMeansNoDeadline() {
        assertThat(StatementDeadline.seconds(0)).isZero();
        assertThat(StatementDeadline.seconds(-5)).isZero();
    }

    @Test
    void aHugeTimeoutDoesNotOverflow() {
        assertThat(StatementDeadline.seconds(Integer.MAX_VALUE)).isPositive();
    }
}
