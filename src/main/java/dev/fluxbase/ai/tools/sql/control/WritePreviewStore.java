package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The write previews waiting for their user, in {@code ai.write_previews}, so that any instance can confirm them. A preview
 * is claimed by one conditional UPDATE in the transaction of its write: a second confirmation, or one after a cancel or the
 * deadline, finds nothing to claim, and a write that fails leaves its preview as it was. (In a REPEATABLE READ transaction
 * a claim that waited for another decision fails instead; {@link #refusal(UUID, Owner)} then tells what was decided.)
 */
@ApplicationScoped
public class WritePreviewStore {

    private static final String INSERT = "INSERT INTO ai.write_previews (id, conversation_id, chatbot_id, user_id, query, sql, parameters, "
            + "operation, target_table, rows_affected, before_digest, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OWN = " WHERE id = ? AND conversation_id = ? AND user_id IS NOT DISTINCT FROM ?";
    private static final String CLAIM = "UPDATE ai.write_previews SET status = ?, decided_at = now()" + OWN
            + " AND status = 'pending' AND expires_at > now() RETURNING id, conversation_id, chatbot_id, user_id, query, sql, parameters, "
            + "operation, target_table, rows_affected, before_digest, expires_at";
    private static final String STATUS = "SELECT CASE WHEN status <> 'pending' THEN status WHEN expires_at > now() THEN 'pending' "
            + "ELSE 'expired' END FROM ai.write_previews" + OWN;

    @Inject
    DataSource dataSource;

    /** Who may decide a preview: the user of the conversation it was made in. */
    public record Owner(String conversationId, String userId) {
    }

    /** Stores a new preview, and forgets those past their deadline for a day, decided or not: nothing reads them any more. */
    void save(WritePreview preview) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "DELETE FROM ai.write_previews WHERE expires_at < now() - interval '1 day'");
            Jdbc.update(connection, INSERT, preview.id(), preview.conversationId(), preview.chatbotId(), preview.userId(), preview.query(),
                    preview.sql(), new Jdbc.TextArray(preview.parameters()), preview.operation(), preview.table(), preview.rowsAffected(),
                    preview.beforeDigest(), preview.expiresAt());
        }
    }

    /**
     * Claims a pending preview of {@code owner} for the transaction of {@code connection}, as {@code status}.
     *
     * @throws WriteRefused when there is none to claim, with the reason: unknown, decided already, or past its deadline
     */
    WritePreview claim(Connection connection, UUID id, Owner owner, String status) throws SQLException {
        Optional<WritePreview> claimed = Jdbc.first(connection, CLAIM, WritePreviewStore::preview, status, id, owner.conversationId(),
                owner.userId());
        if (claimed.isEmpty()) {
            throw refusal(connection, id, owner).orElseGet(() -> refusal("unknown"));
        }
        return claimed.get();
    }

    /** Why the preview cannot be claimed now, read afresh; empty while it waits, before its deadline. */
    Optional<WriteRefused> refusal(UUID id, Owner owner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return refusal(connection, id, owner);
        }
    }

    /** A preview whose rows changed since: it cannot be confirmed any more. */
    void markStale(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "UPDATE ai.write_previews SET status = 'stale', decided_at = now() WHERE id = ? AND status = 'pending'", id);
        } catch (SQLException e) {
            // it stays pending until its deadline; a confirmation finds the rows changed all the same
        }
    }

    private static Optional<WriteRefused> refusal(Connection connection, UUID id, Owner owner) throws SQLException {
        String status = Jdbc.first(connection, STATUS, row -> row.getString(1), id, owner.conversationId(), owner.userId()).orElse("unknown");
        return "pending".equals(status) ? Optional.empty() : Optional.of(refusal(status));
    }

    private static WriteRefused refusal(String status) {
        return switch (status) {
            case "unknown" -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_NOT_FOUND, "No such write preview in this conversation");
            case "expired" -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_EXPIRED, "The write preview expired: ask again");
            case "stale" -> stale();
            default -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_CLOSED, "The write preview was " + status + " already");
        };
    }

    /** The rows the write would change are not those of its preview any more. */
    static WriteRefused stale() {
        return new WriteRefused(ErrorCodes.WRITE_PREVIEW_STALE, "The rows changed since the preview: ask again");
    }

    private static WritePreview preview(ResultSet row) throws SQLException {
        Instant expires = Jdbc.instant(row, row.findColumn("expires_at"));
        return new WritePreview(row.getObject("id", UUID.class), row.getString("conversation_id"), row.getObject("chatbot_id", UUID.class),
                row.getString("user_id"), row.getString("query"), row.getString("sql"), parameters(row),
                row.getString("operation"), row.getString("target_table"), row.getInt("rows_affected"), row.getString("before_digest"),
                expires, List.of(), List.of(), false);
    }

    /** The values as they were bound, SQL NULLs kept. */
    private static List<String> parameters(ResultSet row) throws SQLException {
        Array array = row.getArray("parameters");
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
