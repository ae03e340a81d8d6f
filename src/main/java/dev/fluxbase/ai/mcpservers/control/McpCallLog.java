package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Records every call of an MCP server's tool by a chatbot in {@code ai.mcp_call_log}, as the SQL audit log records queries. */
@ApplicationScoped
public class McpCallLog {

    static final int MAX_ARGUMENT_CHARS = 4000;
    private static final Logger LOG = Logger.getLogger(McpCallLog.class.getName());
    private static final String INSERT = "INSERT INTO ai.mcp_call_log (chatbot_id, conversation_id, user_id, server_id, server_name, tool, "
            + "arguments, succeeded, error, result_bytes, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    /** One call; {@code error} is null and {@code resultBytes} set when it succeeded. */
    public record Entry(UUID chatbotId, UUID conversationId, String userId, UUID serverId, String serverName, String tool, String arguments,
            boolean succeeded, String error, Integer resultBytes, int durationMillis) {
    }

    /** An audit failure is logged, never allowed to break the chat turn. */
    public void record(Entry entry) {
        String arguments = entry.arguments() == null || entry.arguments().length() <= MAX_ARGUMENT_CHARS ? entry.arguments()
                : entry.arguments().substring(0, MAX_ARGUMENT_CHARS);
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.update(connection, INSERT, entry.chatbotId(), entry.conversationId(), entry.userId(), entry.serverId(), entry.serverName(),
                    entry.tool(), arguments, entry.succeeded(), entry.error(), entry.resultBytes(), entry.durationMillis());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not write the MCP call log: {0}", e.getMessage());
        }
    }
}
