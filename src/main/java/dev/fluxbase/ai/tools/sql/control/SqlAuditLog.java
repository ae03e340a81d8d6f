package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Records every query the LLM asked for, executed or refused, in {@code ai.sql_audit_log}. */
@ApplicationScoped
public class SqlAuditLog {

    private static final Logger LOG = Logger.getLogger(SqlAuditLog.class.getName());
    private static final String INSERT = "INSERT INTO ai.sql_audit_log (chatbot_id, conversation_id, user_id, db_role, sql, allowed, "
            + "rejection_reason, row_count, duration_ms, error, channel, masked_columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    /**
     * One audit row; {@code rowCount} and {@code durationMillis} are null for refused queries. {@code conversationId} is
     * the chat conversation, or the MCP session; {@code channel} says which ({@code chat}, {@code mcp}). {@code maskedColumns}
     * names the result columns the LLM read as pseudonyms, or is null when it read every value.
     */
    public record Entry(UUID chatbotId, UUID conversationId, String userId, String dbRole, String sql, boolean allowed,
            String rejectionReason, Integer rowCount, Integer durationMillis, String error, String channel, String maskedColumns) {

        /** The same entry, recording which columns were masked. */
        public Entry masking(String columns) {
            return new Entry(chatbotId, conversationId, userId, dbRole, sql, allowed, rejectionReason, rowCount, durationMillis, error, channel,
                    columns);
        }
    }

    /** An audit failure is logged, never allowed to break the chat turn. */
    public void record(Entry entry) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, INSERT, entry.chatbotId(), entry.conversationId(), entry.userId(), entry.dbRole(), entry.sql(),
                    entry.allowed(), entry.rejectionReason(), entry.rowCount(), entry.durationMillis(), entry.error(), entry.channel(),
                    entry.maskedColumns());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not write the SQL audit log: {0}", e.getMessage());
        }
    }
}
