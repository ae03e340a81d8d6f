package dev.fluxbase.ai.mcp.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which chatbot an MCP request is for: {@code /mcp/{namespace}/{chatbot}}, nothing more and nothing less. */
public record McpRoute(String namespace, String chatbot) {

    private static final Pattern PATH = Pattern.compile("/([^/]+)/([^/]+)/?");

    /** @param pathInfo the path after {@code /mcp}, decoded; empty when it names no chatbot */
    public static Optional<McpRoute> of(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        Matcher matcher = PATH.matcher(pathInfo);
        return matcher.matches() ? Optional.of(new McpRoute(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The path of this chatbot's MCP server, below the context root. */
    public String path() {
        return "/mcp/" + namespace + "/" + chatbot;
    }
}
