package dev.fluxbase.ai.mcpservers.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered MCP server. Its auth header's value is stored sealed and is not part of this view: only whether there
 * is one ({@code authHeaderName} non-null).
 *
 * @param allowedTools the tools chatbots may use: none when empty (the safe default), every tool it lists with {@code *}
 */
public record McpServer(UUID id, String name, String description, String url, String transport, String authHeaderName,
        List<String> allowedTools, boolean enabled, int connectTimeoutMillis, int callTimeoutMillis, Instant createdAt, Instant updatedAt) {

    public static final String STREAMABLE_HTTP = "streamable-http";
    public static final String EVERY_TOOL = "*";

    public McpServer {
        allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
    }

    public boolean allows(String tool) {
        return allowedTools.contains(EVERY_TOOL) || allowedTools.contains(tool);
    }

    public boolean hasAuthHeader() {
        return authHeaderName != null;
    }
}
