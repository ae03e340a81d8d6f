package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.tools.entity.ToolChannel;
import dev.fluxbase.ai.tools.sql.control.SqlAuditLog.Entry;
import dev.fluxbase.ai.tools.sql.control.WritePreviewStore.Owner;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The user's answer to a write preview. A confirmation claims the preview and runs exactly its statement and values again as
 * the same user, in one transaction: an UPDATE first locks and compares the rows it showed, and the rows the write changes must
 * be the ones previewed (the same count; the same keys, or for a DELETE the same rows); otherwise nothing commits and the
 * preview is stale. The claim commits with the write, so a preview commits at most once.
 */
@ApplicationScoped
public class WriteConfirmation {

    @Inject
    SqlExecutor executor;

    @Inject
    WritePreviewStore store;

    @Inject
    SqlAuditLog audit;

    /**
     * @return the rows the write changed
     * @throws WriteRefused when the preview is not this user's and conversation's to confirm, is past, or its rows changed, or
     *         when PostgreSQL refused the write; nothing was written then
     */
    public int confirm(String previewId, Owner owner, ChatbotDefinition chatbot, DatabaseIdentity identity) {
        UUID id = id(previewId);
        SqlAccess access = chatbot.settings().sqlAccess();
        long started = System.nanoTime();
        try (Connection connection = executor.connection()) {
            return Jdbc.inLocalTransaction(connection, transaction -> {
                WritePreview preview = store.claim(transaction, id, owner, "confirmed");
                if (!preview.chatbotId().equals(chatbot.id()) || !access.allowedOperations().contains(preview.operation())) {
                    throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The chatbot does not allow this write any more");
                }
                executor.actAs(transaction, identity, access.allowedSchemas());
                int rows = write(transaction, preview);
                record(chatbot, owner, identity, preview, rows, started);
                return rows;
            });
        } catch (WriteRefused e) {
            if (ErrorCodes.WRITE_PREVIEW_STALE.equals(e.code())) {
                store.markStale(id);
            }
            throw e;
        } catch (SQLException e) {
            throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The write failed, nothing was changed: "
                    + QueryErrors.describe(e, executor.statementTimeoutMillis()));
        }
    }

    /** @throws WriteRefused when the preview is not this user's and conversation's, or was decided already */
    public void cancel(String previewId, Owner owner) {
        UUID id = id(previewId);
        try (Connection connection = executor.connection()) {
            Jdbc.inLocalTransaction(connection, transaction -> store.claim(transaction, id, owner, "cancelled"));
        } catch (SQLException e) {
            throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The preview could not be cancelled: " + e.getMessage());
        }
    }

    private static int write(Connection transaction, WritePreview preview) throws SQLException {
        if (preview.keyed()) {
            List<JsonObject> before = AffectedRows.byKey(transaction, preview.table(), preview.keyColumns(), preview.keys(), true);
            if (!RowDigest.of(before).equals(preview.beforeDigest())) {
                throw stale();
            }
        }
        List<JsonObject> rows = AffectedRows.run(transaction, preview.sql(), preview.parameters());
        if (!samePreviewed(preview, rows)) {
            throw stale();
        }
        return rows.size();
    }

    /** An INSERT's new rows differ by their generated values every time: its count is what can be compared. */
    static boolean samePreviewed(WritePreview preview, List<JsonObject> rows) {
        if (rows.size() != preview.rowsAffected()) {
            return false;
        }
        return switch (preview.operation()) {
            case "UPDATE" -> preview.keyed() ? RowDigest.of(RowDigest.keys(rows, preview.keyColumns())).equals(RowDigest.of(preview.keys()))
                    : RowDigest.of(rows).equals(preview.afterDigest());
            case "DELETE" -> RowDigest.of(rows).equals(preview.beforeDigest());
            default -> true;
        };
    }

    private static WriteRefused stale() {
        return new WriteRefused(ErrorCodes.WRITE_PREVIEW_STALE, "The rows changed since the preview: ask again");
    }

    private void record(ChatbotDefinition chatbot, Owner owner, DatabaseIdentity identity, WritePreview preview, int rows, long started) {
        if (chatbot.settings().toolUse().executionLogs()) {
            audit.record(new Entry(chatbot.id(), uuid(owner.conversationId()), identity.userId(), identity.role(), preview.query(), true, null,
                    rows, (int) ((System.nanoTime() - started) / 1_000_000), null, ToolChannel.CHAT.column(), null));
        }
    }

    private static UUID id(String previewId) {
        try {
            return UUID.fromString(previewId);
        } catch (IllegalArgumentException e) {
            throw new WriteRefused(ErrorCodes.WRITE_PREVIEW_NOT_FOUND, "No such write preview in this conversation");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
