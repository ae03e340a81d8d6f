package dev.fluxbase.ai.mcp.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;

/**
 * What one HTTP request to {@code /mcp} established before the MCP server sees it: the chatbot (enabled, its audience
 * checked), who calls, and the key their sessions and call limits go by. Tools read it from every request anew, so a
 * tool call always runs as the token of its own request, never as whoever opened the session.
 *
 * @param subject the caller's user ({@code user:<id>}), or the client address for callers without a user id
 */
public record McpCall(ChatbotDefinition chatbot, DatabaseIdentity identity, String subject) {

    /** The request attribute, and the key in the MCP transport context, that holds it. */
    public static final String KEY = McpCall.class.getName();
}
