package dev.fluxbase.ai.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcTest {

    /** What was called on the fake connection and its statements, as "method arg, arg". */
    private final List<String> calls = new ArrayList<>();
    private final Array textArray = proxy(Array.class, "array");
    private final Connection connection = proxy(Connection.class, "connection");

    @Test
    void bindsAnInstantAsUtcATextArrayAsTextAndTheRestAsTheyAre() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-03T11:00:00Z");
        Jdbc.bind(proxy(PreparedStatement.class, "statement"), id, now, new Jdbc.TextArray(List.of("a", "b")), null, 7);

        assertThat(calls).containsExactly("setObject 1, " + id, "setObject 2, " + OffsetDateTime.of(2026, 12, 3, 11, 0, 0, 0, ZoneOffset.UTC),
                "getConnection", "createArrayOf text, [a, b]", "setArray 3, array", "setObject 4, null", "setObject 5, 7");
    }

    @Test
    void aLocalTransactionCommitsWhatReturnsAndGoesBackToAutocommit() throws SQLException {
        int result = Jdbc.inLocalTransaction(connection, c -> 3);

        assertThat(result).isEqualTo(3);
        assertThat(calls).containsExactly("setAutoCommit false", "commit", "setAutoCommit true");
    }

    @Test
    void aLocalTransactionRollsBackWhatThrows() {
        assertThatThrownBy(() -> Jdbc.inLocalTransaction(connection, c -> {
            throw new SQLException("broken");
        })).hasMessage("broken");

        assertThat(calls).containsExactly("setAutoCommit false", "rollback", "setAutoCommit true");
    }

    @Test
    void aFailureBecomesWhatTheComponentThrows() {
        DataSource unavailable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new SQLException("connection refused");
                });

        assertThatThrownBy(() -> new Jdbc(() -> unavailable, "Conversation storage").update("DELETE FROM t"))
                .isInstanceOf(IllegalStateException.class).hasMessage("Conversation storage failed: connection refused");
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, String name) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return name;
            }
            calls.add(method.getName() + (args == null ? "" : " " + String.join(", ", Arrays.stream(args)
                    .map(arg -> arg instanceof Object[] values ? Arrays.toString(values) : String.valueOf(arg)).toList())));
            return switch (method.getName()) {
                case "getConnection" -> connection;
                case "createArrayOf" -> textArray;
                default -> null;
            };
        });
    }
}
