package dev.fluxbase.ai.platform.control;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The pool gives every statement a client-side deadline of 60 s ({@link Database}), a safety net for our own short
 * statements. A statement whose limit is configured (an {@code execute_sql} query) gets a deadline a little past
 * that limit instead, so PostgreSQL's {@code statement_timeout} ends it first with its own error, and a configured
 * limit longer than the pool's net is honoured rather than cut at 60 s.
 */
public final class StatementDeadline {

    static final int GRACE_SECONDS = 5;

    private StatementDeadline() {
    }

    /** @param statementTimeoutMillis PostgreSQL's {@code statement_timeout} for it; {@code 0} is none, as there */
    public static void follow(Statement statement, int statementTimeoutMillis) throws SQLException {
        statement.setQueryTimeout(seconds(statementTimeoutMillis));
    }

    static int seconds(int statementTimeoutMillis) {
        if (statementTimeoutMillis <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (statementTimeoutMillis + 999L) / 1000 + GRACE_SECONDS);
    }
}
