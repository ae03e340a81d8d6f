package dev.fluxbase.ai.mcpservers.entity;

/** Another server already has the name (the table's unique constraint said so). */
public class McpServerNameTaken extends RuntimeException {

    public McpServerNameTaken(Throwable cause) {
        super("an MCP server with this name already exists", cause, false, false);
    }
}
