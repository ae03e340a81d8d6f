package dev.fluxbase.ai.tools.entity;

/** Who called a tool: a chat turn's LLM, or an MCP client through {@code /mcp}. Stored as {@code ai.sql_audit_log.channel}. */
public enum ToolChannel {
    CHAT("chat"),
    MCP("mcp");

    private final String column;

    ToolChannel(String column) {
        this.column = column;
    }

    /** The value of the audit log's {@code channel} column. */
    public String column() {
        return column;
    }
}
