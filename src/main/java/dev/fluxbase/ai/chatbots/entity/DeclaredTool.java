package dev.fluxbase.ai.chatbots.entity;

import java.util.Objects;

/**
 * A tool of {@code export const tools = [...]} that is not built in: offered when one of the chatbot's MCP servers
 * ({@code @fluxbase:mcp-servers}) has a tool of that name, which its calls then run. The LLM sees the file's
 * description and JSON schema; where the file gives none, the server's.
 *
 * @param description null when the file gives none
 * @param parametersJson the JSON schema object of the arguments as text; null when the file gives none
 */
public record DeclaredTool(String name, String description, String parametersJson) {

    public DeclaredTool {
        Objects.requireNonNull(name, "name");
        description = description == null || description.isBlank() ? null : description.strip();
    }

    public static DeclaredTool named(String name) {
        return new DeclaredTool(name, null, null);
    }
}
