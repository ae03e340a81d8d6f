package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.sql.SQLException;

/**
 * A statement of an export that PostgreSQL refused, as the administrator should read it: answered 422
 * {@code TABLE_EXPORT_FAILED} and stored as a sync's error. Only PostgreSQL's first line is kept (it names the
 * object, never a credential); a lost connection stays a database failure (503).
 */
final class ExportFailure {

    private static final int MAX_MESSAGE = 500;

    private ExportFailure() {
    }

    static RuntimeException of(SQLException e, int timeoutMillis) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new IllegalStateException("Table export failed: " + e.getMessage(), e);
        }
        String message = switch (state) {
            case "42501" -> "Permission denied for the export role: " + firstLine(e);
            case "57014" -> "The export's query ran longer than " + timeoutMillis / 1000.0 + " s and was cancelled";
            default -> "The export's query failed: " + firstLine(e);
        };
        return new RequestRejected(422, ErrorCodes.TABLE_EXPORT_FAILED, message);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage().lines().findFirst().orElse("");
        message = message.startsWith("ERROR: ") ? message.substring(7) : message;
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }
}
