package dev.fluxbase.ai.tools.sql.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A write PostgreSQL ran and rolled back, waiting for the user's confirmation: the exact statement and values to run again
 * ({@code sql} with its RETURNING, {@code parameters}), what the user was shown ({@code query}, up to the shown-rows cap of
 * {@code before} and {@code after}, {@code truncated} when more rows change), and what the confirmation compares to tell a
 * concurrent change: the count, the digests of the rows before and after, and the primary keys of the rows an UPDATE changes.
 */
public record WritePreview(UUID id, String conversationId, UUID chatbotId, String userId, String query, String sql,
        List<String> parameters, String operation, String table, List<String> keyColumns, List<JsonObject> keys, int rowsAffected,
        String beforeDigest, String afterDigest, Instant expiresAt, List<JsonObject> before, List<JsonObject> after, boolean truncated) {

    /** {@code before} and {@code after} are the caller's copies, as the preview shows them. */
    public WritePreview {
        parameters = List.copyOf(parameters);
        keyColumns = List.copyOf(keyColumns);
        keys = List.copyOf(keys);
    }

    /** An UPDATE of a table with a primary key: its rows before are found again by their keys. */
    public boolean keyed() {
        return "UPDATE".equals(operation) && !keyColumns.isEmpty();
    }
}
