package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.entity.ToolChannel;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.control.SqlExecutor.BeforeQuery;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Previews a write of a chat turn instead of committing it ({@code @fluxbase:confirm-writes}, on by default): PostgreSQL runs
 * it as the user, under their role and row-level security, in a transaction that is always rolled back, and returns the rows it
 * would change, before and after; the client gets them in a {@code write_preview} frame and confirms or cancels
 * ({@link WriteConfirmation}). The LLM reads only how many rows would change, never their values, so nothing sensitive reaches
 * it this way. Sequences are not transactional: the values an INSERT draws for its preview are gone (a gap), and the confirmed
 * write draws its own.
 */
@ApplicationScoped
public class WritePreviewer {

    private static final Logger LOG = Logger.getLogger(WritePreviewer.class.getName());
    private static final String UNREADABLE = "the write could not be previewed, so it was not run";

    @Inject
    SqlExecutor executor;

    @Inject
    WritePreviewStore store;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.write-confirm-seconds", defaultValue = "300")
    int confirmSeconds;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.write-preview-rows", defaultValue = "20")
    int shownRows;

    /**
     * Writes of a chat turn, whose user can confirm them, wait; the MCP channel and opted-out chatbots write at once. A SELECT
     * whose WITH changes rows is a write too (PostgreSQL runs such a WITH whatever the SELECT reads of it); the guard lets
     * one through only for a chatbot that may write.
     */
    boolean applies(BoundStatement statement, String operation, ToolContext context) {
        if (context.channel() != ToolChannel.CHAT || !context.chatbot().settings().toolUse().confirmWrites()) {
            return false;
        }
        if (!"SELECT".equals(operation)) {
            return true;
        }
        return !context.chatbot().settings().sqlAccess().allowedOperations().equals(List.of("SELECT"))
                && WriteStatement.of(statement).map(WriteStatement::changesRowsInWith).orElse(false);
    }

    /**
     * @return what the LLM reads: that the write waits for the user, or why it could not be previewed
     * @throws QueryRefused when the write cannot be previewed, or {@code check} refuses it; nothing ran then
     */
    String preview(BoundStatement statement, String shown, ToolContext context, List<String> schemas, BeforeQuery check) {
        WriteStatement write = WriteStatement.of(statement).orElseThrow(() -> new QueryRefused(UNREADABLE));
        if (write.changesRowsInWith()) {
            throw new QueryRefused("a write inside WITH cannot be previewed; write it as one INSERT, UPDATE or DELETE without one");
        }
        if ("SELECT".equals(write.operation())) {
            throw new QueryRefused(UNREADABLE);
        }
        WritePreview preview;
        try {
            preview = rehearse(write, shown, context, schemas, check);
            store.save(preview);
        } catch (SQLException e) {
            String error = QueryErrors.describe(e, executor.statementTimeoutMillis());
            context.events().queryRefused(shown, "Query failed: " + error);
            String read = context.pseudonyms().masking() ? ResultMasking.error(error, statement.sql()) : error;
            return "Query failed: " + read;
        }
        context.events().writePreview(preview);
        LOG.log(Level.FINE, "Write preview {0}: {1} rows", new Object[] {preview.id(), preview.rowsAffected()});
        return "The write was NOT run yet: it waits for the user's confirmation. It would change " + preview.rowsAffected()
                + " row(s). Do not say that it is done; tell the user to confirm or cancel it below.";
    }

    /**
     * Runs the write as the user and reads the rows it changes, and those rows before it: an UPDATE's by its own FROM and
     * WHERE ({@link WriteStatement#targetRows}), which must find as many rows as the UPDATE changes; a DELETE's are the
     * rows it returns. Then rolls it all back.
     */
    private WritePreview rehearse(WriteStatement write, String shown, ToolContext context, List<String> schemas, BeforeQuery check)
            throws SQLException {
        BoundStatement runs = write.returningRows();
        try (Connection connection = executor.connection()) {
            connection.setAutoCommit(false);
            try {
                AffectedRows.repeatableRead(connection);
                executor.actAs(connection, context.identity(), schemas);
                Optional<String> refusal = check.refusal(connection);
                if (refusal.isPresent()) {
                    throw new QueryRefused(refusal.get());
                }
                boolean update = "UPDATE".equals(write.operation());
                List<JsonObject> targets = update ? AffectedRows.read(connection, write.targetRows()) : List.of();
                List<JsonObject> rows = AffectedRows.run(connection, runs);
                if (update && targets.size() != rows.size()) {
                    // a BEFORE UPDATE trigger that skipped rows, or a WHERE that answers anew for each row (random())
                    throw new QueryRefused(UNREADABLE);
                }
                List<JsonObject> before = "DELETE".equals(write.operation()) ? rows : targets;
                List<JsonObject> after = "DELETE".equals(write.operation()) ? List.of() : rows;
                return new WritePreview(UUID.randomUUID(), context.conversationId(), context.chatbot().id(), context.identity().userId(), shown,
                        runs.sql(), runs.parameters(), write.operation(), write.table(), rows.size(), RowDigest.of(before),
                        Instant.now().plusSeconds(confirmSeconds), cap(before), cap(after), before.size() > shownRows || after.size() > shownRows);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private List<JsonObject> cap(List<JsonObject> rows) {
        return List.copyOf(rows.size() > shownRows ? rows.subList(0, shownRows) : rows);
    }
}
