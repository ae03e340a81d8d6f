package dev.fluxbase.ai.tools.sql.control;

import java.sql.SQLException;

/** PostgreSQL errors as the LLM and the user should read them. */
final class QueryErrors {

    /** PostgreSQL quotes the offending value in some messages ({@code invalid input syntax for type integer: "..."}). */
    private static final int MAX_MESSAGE_BYTES = 1000;

    private QueryErrors() {
    }

    static String describe(SQLException e, int timeoutMillis) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        return switch (state) {
            case "42501" -> message.startsWith("permission denied") ? "P" + message.substring(1) : "Permission denied: " + message;
            case "57014" -> "Query cancelled: it ran longer than " + timeoutMillis / 1000.0 + " s or was stopped";
            case "25006" -> "Operation not allowed: the chatbot is read-only (" + message + ")";
            default -> state.startsWith("08") ? "Database unavailable, try again later" : "Query failed: " + message;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        return ByteText.fit(line.startsWith("ERROR: ") ? line.substring(7) : line, MAX_MESSAGE_BYTES);
    }
}
