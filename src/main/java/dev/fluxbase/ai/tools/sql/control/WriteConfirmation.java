package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.tools.entity.ToolChannel;
import dev.fluxbase.ai.tools.sql.control.SqlAuditLog.Entry;
import dev.fluxbase.ai.tools.sql.control.WritePreviewStore.Owner;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sql.entity.WriteRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The user's answer to a write preview. A confirmation claims the preview and runs exactly its statement and values again as
 * the same user, in one REPEATABLE READ transaction, and commits only when the write changes the rows the user was shown:
 * an UPDATE first reads and locks its rows by its own FROM and WHERE, which must be the previewed rows as they were (every
 * column), then must change as many rows; a DELETE must delete the previewed rows as they were; an INSERT must insert as
 * many rows. What the write computes as it runs ({@code now()}, {@code random()}, a sequence, a default) is never compared.
 * Otherwise nothing commits and the preview is stale. The claim commits with the write, so a preview commits at most once.
 */
@ApplicationScoped
public class WriteConfirmation {

    /** A transaction that met a concurrent change (SQLSTATE 40001) is tried again this often before the preview is stale. */
    private static final int ATTEMPTS = 3;

    @Inject
    SqlExecutor executor;

    @Inject
    WritePreviewStore store;

    @Inject
    SqlAuditLog audit;

    /** What commits together with a decision, in its transaction, as the server's login role: a note in the history. */
    @FunctionalInterface
    public interface Decided {

        Decided NOTHING = (transaction, preview) -> {
        };

        void record(Connection transaction, WritePreview preview) throws SQLException;
    }

    /**
     * @return the preview, whose {@link WritePreview#rowsAffected} rows the write changed
     * @throws WriteRefused when the preview is not this user's and conversation's to confirm, is past, or its rows changed, or
     *         when PostgreSQL refused the write; nothing was written then, and {@code decided} recorded nothing
     */
    public WritePreview confirm(String previewId, Owner owner, ChatbotDefinition chatbot, DatabaseIdentity identity, Decided decided) {
        UUID id = id(previewId);
        for (int attempt = 1;; attempt++) {
            try {
                return attempt(id, owner, chatbot, identity, decided);
            } catch (WriteRefused e) {
                if (ErrorCodes.WRITE_PREVIEW_STALE.equals(e.code())) {
                    store.markStale(id);
                }
                throw e;
            } catch (SQLException e) {
                if (!AffectedRows.SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                    throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The write failed, nothing was changed: "
                            + QueryErrors.describe(e, executor.statementTimeoutMillis()));
                }
                // another decision claimed the preview first, or a row changed after this transaction began
                Optional<WriteRefused> decidedElsewhere = refusal(id, owner);
                if (decidedElsewhere.isPresent()) {
                    throw decidedElsewhere.get();
                }
                if (attempt == ATTEMPTS) {
                    store.markStale(id);
                    throw WritePreviewStore.stale();
                }
            }
        }
    }

    /** @throws WriteRefused when the preview is not this user's and conversation's, or was decided already */
    public WritePreview cancel(String previewId, Owner owner, Decided decided) {
        UUID id = id(previewId);
        try (Connection connection = executor.connection()) {
            return Jdbc.inLocalTransaction(connection, transaction -> {
                WritePreview preview = store.claim(transaction, id, owner, "cancelled");
                decided.record(transaction, preview);
                return preview;
            });
        } catch (SQLException e) {
            throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The preview could not be cancelled: " + e.getMessage());
        }
    }

    private WritePreview attempt(UUID id, Owner owner, ChatbotDefinition chatbot, DatabaseIdentity identity, Decided decided)
            throws SQLException {
        SqlAccess access = chatbot.settings().sqlAccess();
        long started = System.nanoTime();
        try (Connection connection = executor.connection()) {
            return Jdbc.inLocalTransaction(connection, transaction -> {
                AffectedRows.repeatableRead(transaction);
                WritePreview preview = store.claim(transaction, id, owner, "confirmed");
                if (!preview.chatbotId().equals(chatbot.id()) || !access.allowedOperations().contains(preview.operation())) {
                    throw new WriteRefused(ErrorCodes.WRITE_FAILED, "The chatbot does not allow this write any more");
                }
                decided.record(transaction, preview);
                executor.actAs(transaction, identity, access.allowedSchemas());
                int rows = write(transaction, preview);
                record(chatbot, owner, identity, preview, rows, started);
                return preview;
            });
        }
    }

    private static int write(Connection transaction, WritePreview preview) throws SQLException {
        BoundStatement statement = new BoundStatement(preview.sql(), preview.parameters());
        List<JsonObject> targets = List.of();
        if ("UPDATE".equals(preview.operation())) {
            WriteStatement update = WriteStatement.of(statement).orElseThrow(
                    () -> new WriteRefused(ErrorCodes.WRITE_FAILED, "The previewed write could not be read again, nothing was changed"));
            targets = AffectedRows.read(transaction, update.targetRows());
            if (!RowDigest.of(targets).equals(preview.beforeDigest())) {
                throw WritePreviewStore.stale();
            }
        }
        List<JsonObject> rows = AffectedRows.run(transaction, statement);
        if (!samePreviewed(preview, targets, rows)) {
            throw WritePreviewStore.stale();
        }
        return rows.size();
    }

    /**
     * Whether the write changed the previewed rows, given the rows it returned and, for an UPDATE, the rows it found and
     * locked before (their digest was compared already).
     */
    static boolean samePreviewed(WritePreview preview, List<JsonObject> targets, List<JsonObject> rows) {
        if (rows.size() != preview.rowsAffected()) {
            return false;
        }
        return switch (preview.operation()) {
            case "UPDATE" -> targets.size() == rows.size();
            case "DELETE" -> RowDigest.of(rows).equals(preview.beforeDigest());
            default -> true;
        };
    }

    private Optional<WriteRefused> refusal(UUID id, Owner owner) {
        try {
            return store.refusal(id, owner);
        } catch (SQLException e) {
            return Optional.of(new WriteRefused(ErrorCodes.WRITE_FAILED, "The write failed, nothing was changed: " + e.getMessage()));
        }
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
