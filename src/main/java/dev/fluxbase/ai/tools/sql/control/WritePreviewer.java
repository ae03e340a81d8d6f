package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.entity.ToolChannel;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.control.SqlExecutor.BeforeQuery;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sql.entity.WritePreview;
import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * would change; the client gets them in a {@code write_preview} frame and confirms or cancels ({@link WriteConfirmation}). The
 * LLM reads only how many rows would change, never their values, so nothing sensitive reaches it this way.
 */
@ApplicationScoped
public class WritePreviewer {

    private static final Logger LOG = Logger.getLogger(WritePreviewer.class.getName());

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

    /** Writes of a chat turn, whose user can confirm them, wait; the MCP channel and opted-out chatbots write at once. */
    boolean applies(String operation, ToolContext context) {
        return !"SELECT".equals(operation) && context.channel() == ToolChannel.CHAT && context.chatbot().settings().toolUse().confirmWrites();
    }

    /**
     * @return what the LLM reads: that the write waits for the user, or why it could not be previewed
     * @throws QueryRefused when {@code check} refuses the statement; nothing ran then
     */
    String preview(BoundStatement statement, String shown, ToolContext context, List<String> schemas, BeforeQuery check) {
        Optional<WriteStatement> write = WriteStatement.of(statement.sql());
        if (write.isEmpty()) {
            context.events().queryRefused(shown, "The write could not be previewed, so it was not run");
            return "Query refused: the write could not be previewed, so it was not run";
        }
        String sql = write.get().returningAll(PostgresText.statement(statement.sql()));
        WritePreview preview;
        try {
            preview = rehearse(write.get(), sql, statement.parameters(), shown, context, schemas, check);
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

    /** Runs the write as the user, reads the rows it changes and, for an UPDATE, those rows before; then rolls it all back. */
    private WritePreview rehearse(WriteStatement write, String sql, List<String> parameters, String shown, ToolContext context,
            List<String> schemas, BeforeQuery check) throws SQLException {
        try (Connection connection = executor.connection()) {
            connection.setAutoCommit(false);
            try {
                executor.actAs(connection, context.identity(), schemas);
                Optional<String> refusal = check.refusal(connection);
                if (refusal.isPresent()) {
                    throw new QueryRefused(refusal.get());
                }
                Savepoint beforeWrite = connection.setSavepoint();
                List<JsonObject> rows = AffectedRows.run(connection, sql, parameters);
                List<String> keyColumns = "UPDATE".equals(write.operation()) ? keyColumns(connection, write.table(), rows) : List.of();
                List<JsonObject> keys = RowDigest.keys(rows, keyColumns);
                connection.rollback(beforeWrite);
                List<JsonObject> before = switch (write.operation()) {
                    case "DELETE" -> rows;
                    case "UPDATE" -> keyColumns.isEmpty() ? List.of() : AffectedRows.byKey(connection, write.table(), keyColumns, keys, false);
                    default -> List.of();
                };
                List<JsonObject> after = "DELETE".equals(write.operation()) ? List.of() : rows;
                return new WritePreview(UUID.randomUUID(), context.conversationId(), context.chatbot().id(), context.identity().userId(), shown,
                        sql, parameters, write.operation(), write.table(), keyColumns, keys, rows.size(), RowDigest.of(before),
                        RowDigest.of(after), Instant.now().plusSeconds(confirmSeconds), cap(before), cap(after),
                        before.size() > shownRows || after.size() > shownRows);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The primary key, when the rows the statement returns hold it (a RETURNING of its own may not). */
    private static List<String> keyColumns(Connection connection, String table, List<JsonObject> rows) throws SQLException {
        List<String> columns = AffectedRows.keyColumns(connection, table);
        return rows.isEmpty() || rows.get(0).keySet().containsAll(columns) ? columns : List.of();
    }

    private List<JsonObject> cap(List<JsonObject> rows) {
        return List.copyOf(rows.size() > shownRows ? rows.subList(0, shownRows) : rows);
    }
}
