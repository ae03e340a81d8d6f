package dev.fluxbase.ai.platform.entity;

import java.sql.SQLException;

/** A failure of the database connection itself (SQL state class 08), as opposed to a refused statement. */
public final class ConnectionFailure {

    private ConnectionFailure() {
    }

    /** @return whether such a failure is anywhere in the cause chain */
    public static boolean in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
