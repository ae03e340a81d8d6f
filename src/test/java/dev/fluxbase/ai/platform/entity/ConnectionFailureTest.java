package dev.fluxbase.ai.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

    @Test
    void aBrokenConnectionIsFoundDeepInTheCauseChain() {
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        assertThat(ConnectionFailure.in(new IllegalStateException("booking failed", new RuntimeException(closed)))).isTrue();
        assertThat(ConnectionFailure.in(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
    }

    @Test
    void aRefusedStatementOrAFailureWithoutStateIsNot() {
        assertThat(ConnectionFailure.in(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionFailure.in(new SQLException("no state"))).isFalse();
        assertThat(ConnectionFailure.in(new IllegalStateException("nothing SQL"))).isFalse();
    }
}
