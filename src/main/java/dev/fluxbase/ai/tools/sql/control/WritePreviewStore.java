package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The write previews waiting for their user, in {@code ai.write_previews}, so that any instance can confirm them. A preview
 * is claimed by one conditional UPDATE in the transaction of its write: a second confirmation, or one after a cancel or the
 * deadline, finds nothing to claim, and a write that fails leaves its preview as it was.
 */
@ApplicationScoped
public class WritePreviewStore {

    private static final String INSERT = "INSERT INTO ai.write_previews (id, conversation_id, chatbot_id, user_id, query, sql, parameters, "
            + "operation, target_table, key_columns, affected_keys, rows_affected, before_digest, after_digest, expires_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";
    private static final String OWN = " WHERE id = ? AND conversation_id = ? AND user_id IS NOT DISTINCT FROM ?";
    private static final String CLAIM = "UPDATE ai.write_previews SET status = ?, decided_at = now()" + OWN
            + " AND status = 'pending' AND expires_at > now() RETURNING id, conversation_id, chatbot_id, user_id, query, sql, parameters, "
            + "operation, target_table, key_columns, affected_keys::text, rows_affected, before_digest, after_digest, expires_at";

    @Inject
    DataSource dataSource;

    /** Who may decide a preview: the user of the conversation it was made in. */
    public record Owner(String conversationId, String userId) {
    }

    /** Stores a new preview, and forgets those past their deadline for a day, decided or not: nothing reads them any more. */
    void save(WritePreview preview) throws SQLException {
        JsonArrayBuilder keys = JsonFactories.PROVIDER.createArrayBuilder();
        preview.keys().forEach(keys::add);
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "DELETE FROM ai.write_previews WHERE expires_at < now() - interval '1 day'");
            Jdbc.update(connection, INSERT, preview.id(), preview.conversationId(), preview.chatbotId(), preview.userId(), preview.query(),
                    preview.sql(), new Jdbc.TextArray(preview.parameters()), preview.operation(), preview.table(),
                    new Jdbc.TextArray(preview.keyColumns()), keys.build().toString(), preview.rowsAffected(), preview.beforeDigest(),
                    preview.afterDigest(), preview.expiresAt());
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
            throw unclaimable(connection, id, owner);
        }
        return claimed.get();
    }

    /** A preview whose rows changed since: it cannot be confirmed any more. */
    void markStale(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, "UPDATE ai.write_previews SET status = 'stale', decided_at = now() WHERE id = ? AND status = 'pending'", id);
        } catch (SQLException e) {
            // it stays pending until its deadline; a confirmation finds the rows changed all the same
        }
    }

    private static WriteRefused unclaimable(Connection connection, UUID id, Owner owner) throws SQLException {
        Optional<String> status = Jdbc.first(connection, "SELECT CASE WHEN status = 'pending' THEN 'expired' ELSE status END FROM "
                + "ai.write_previews" + OWN, row -> row.getString(1), id, owner.conversationId(), owner.userId());
        return switch (status.orElse("unknown")) {
            case "unknown" -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_NOT_FOUND, "No such write preview in this conversation");
            case "expired" -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_EXPIRED, "The write preview expired: ask again");
            case "stale" -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_STALE, "The rows changed since the preview: ask again");
            default -> new WriteRefused(ErrorCodes.WRITE_PREVIEW_CLOSED, "The write preview was " + status.get() + " already");
        };
    }

    private static WritePreview preview(ResultSet row) throws SQLException {
        List<JsonObject> keys = JsonFactories.readArray(row.getString("affected_keys")).getValuesAs(JsonObject.class);
        Instant expires = Jdbc.instant(row, row.findColumn("expires_at"));
        return new WritePreview(row.getObject("id", UUID.class), row.getString("conversation_id"), row.getObject("chatbot_id", UUID.class),
                row.getString("user_id"), row.getString("query"), row.getString("sql"), Jdbc.strings(row, "parameters"),
                row.getString("operation"), row.getString("target_table"), Jdbc.strings(row, "key_columns"), keys,
                row.getInt("rows_affected"), row.getString("before_digest"), row.getString("after_digest"), expires, List.of(), List.of(),
                false);
    }
}
