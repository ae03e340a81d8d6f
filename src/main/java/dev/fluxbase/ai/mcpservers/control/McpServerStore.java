package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.McpServerNameTaken;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Registered MCP servers in {@code ai.mcp_servers}; the sealed auth header value is read only for a connection. */
@ApplicationScoped
public class McpServerStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT id, name, description, url, transport, auth_header_name, allowed_tools, enabled, "
            + "connect_timeout_ms, call_timeout_ms, created_at, updated_at FROM ai.mcp_servers";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> UNIQUE_VIOLATION.equals(e.getSQLState())
            ? new McpServerNameTaken(e) : new IllegalStateException("MCP server storage failed: " + e.getMessage(), e));

    public List<McpServer> all() {
        return jdbc.list(SELECT + " ORDER BY name", McpServerStore::server);
    }

    public Optional<McpServer> find(UUID id) {
        return jdbc.first(SELECT + " WHERE id = ?", McpServerStore::server, id);
    }

    public Optional<McpServer> byName(String name) {
        return jdbc.first(SELECT + " WHERE name = ?", McpServerStore::server, name);
    }

    public Set<String> names() {
        return Set.copyOf(jdbc.list("SELECT name FROM ai.mcp_servers", row -> row.getString(1)));
    }

    /** The sealed value of the server's auth header, when it has one. */
    public Optional<byte[]> sealedAuthValue(UUID id) {
        return jdbc.first("SELECT auth_header_value FROM ai.mcp_servers WHERE id = ? AND auth_header_value IS NOT NULL",
                row -> row.getBytes(1), id);
    }

    /** @throws McpServerNameTaken when another server has the name */
    public McpServer create(McpServer server, byte[] sealedAuthValue) {
        jdbc.update("INSERT INTO ai.mcp_servers (id, name, description, url, transport, auth_header_name, auth_header_value, allowed_tools, "
                + "enabled, connect_timeout_ms, call_timeout_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", server.id(), server.name(),
                server.description(), server.url(), server.transport(), server.authHeaderName(), sealedAuthValue,
                new Jdbc.TextArray(server.allowedTools()), server.enabled(), server.connectTimeoutMillis(), server.callTimeoutMillis());
        return find(server.id()).orElseThrow();
    }

    /** A new value of the auth header: sealed, or null to remove it. */
    public record AuthValue(byte[] sealed) {
    }

    /**
     * Saves every field; the auth header's value only when {@code authValue} is given (null: as it is).
     *
     * @throws McpServerNameTaken when another server has the name
     */
    public McpServer update(McpServer server, AuthValue authValue) {
        jdbc.update("UPDATE ai.mcp_servers SET name = ?, description = ?, url = ?, transport = ?, auth_header_name = ?, "
                + "auth_header_value = CASE WHEN ? THEN ? ELSE auth_header_value END, allowed_tools = ?, enabled = ?, connect_timeout_ms = ?, "
                + "call_timeout_ms = ?, updated_at = now() WHERE id = ?", server.name(), server.description(), server.url(), server.transport(),
                server.authHeaderName(), authValue != null, authValue == null ? null : authValue.sealed(), new Jdbc.TextArray(server.allowedTools()),
                server.enabled(), server.connectTimeoutMillis(), server.callTimeoutMillis(), server.id());
        return find(server.id()).orElseThrow();
    }

    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM ai.mcp_servers WHERE id = ?", id) > 0;
    }

    private static McpServer server(ResultSet row) throws SQLException {
        return new McpServer(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"), row.getString("url"),
                row.getString("transport"), row.getString("auth_header_name"), Jdbc.strings(row, "allowed_tools"), row.getBoolean("enabled"),
                row.getInt("connect_timeout_ms"), row.getInt("call_timeout_ms"), Jdbc.instant(row, row.findColumn("created_at")),
                Jdbc.instant(row, row.findColumn("updated_at")));
    }
}
