package dev.fluxbase.ai.mcpservers.entity;

/** An MCP server that could not be reached, refused, failed or took too long; the message says which, without secrets. */
public class McpCallFailure extends RuntimeException {

    public McpCallFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public McpCallFailure(String message) {
        this(message, null);
    }
}
