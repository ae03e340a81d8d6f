package dev.fluxbase.ai.tools.sql.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A write PostgreSQL ran and rolled back, waiting for the user's confirmation: the exact statement and values to run again
 * ({@code sql} with its RETURNING, {@code parameters}), what the user was shown ({@code query}, up to the shown-rows cap of
 * {@code before} and {@code after}, {@code truncated} when more rows change), and what the confirmation compares to tell a
 * concurrent change: how many rows it changes and, for an UPDATE or a DELETE, the digest of those rows as they were before
 * it ({@code beforeDigest}). Nothing the write computes as it runs (a {@code now()}, a sequence's next value) is compared.
 */
public record WritePreview(UUID id, String conversationId, UUID chatbotId, String userId, String query, String sql,
        List<String> parameters, String operation, String table, int rowsAffected, String beforeDigest, Instant expiresAt,
        List<JsonObject> before, List<JsonObject> after, boolean truncated) {

    /** {@code before} and {@code after} are the caller's copies, as the preview shows them; a value may be null (SQL NULL). */
    public WritePreview {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
