-- Where an audited query came from: a chat turn's LLM ('chat') or an MCP client through /mcp ('mcp'). For MCP
-- calls, conversation_id holds the MCP session's id.
ALTER TABLE sql_audit_log ADD COLUMN channel text NOT NULL DEFAULT 'chat' CHECK (channel IN ('chat', 'mcp'));
