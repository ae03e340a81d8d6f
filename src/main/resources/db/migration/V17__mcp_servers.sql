-- MCP tools (issue #21 items 3 and 5): chatbots use the tools of MCP servers an admin registered.

-- @fluxbase:mcp-servers and the tools a file declares that those servers run ({name, description?, parameters?}).
ALTER TABLE chatbots
    ADD COLUMN mcp_servers text[] NOT NULL DEFAULT '{}',
    ADD COLUMN custom_tools jsonb CHECK (custom_tools IS NULL OR jsonb_typeof(custom_tools) = 'array');

-- Registered MCP servers. The auth header's value is sealed with the provider-key cipher (AES-256-GCM, the server's
-- id authenticated with it) and never read back by the API. allowed_tools empty: no tool; '*': every tool it lists.
CREATE TABLE mcp_servers (
    id                   uuid PRIMARY KEY,
    name                 text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    description          text,
    url                  text NOT NULL CHECK (length(url) <= 2048),
    transport            text NOT NULL DEFAULT 'streamable-http' CHECK (transport IN ('streamable-http')),
    auth_header_name     text CHECK (auth_header_name ~ '^[A-Za-z0-9-]{1,64}$'),
    auth_header_value    bytea,
    allowed_tools        text[] NOT NULL DEFAULT '{}',
    enabled              boolean NOT NULL DEFAULT true,
    connect_timeout_ms   integer NOT NULL DEFAULT 10000 CHECK (connect_timeout_ms BETWEEN 100 AND 300000),
    call_timeout_ms      integer NOT NULL DEFAULT 30000 CHECK (call_timeout_ms BETWEEN 100 AND 300000),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((auth_header_name IS NULL) = (auth_header_value IS NULL))
);

-- Every call of an MCP server's tool by a chatbot, as ai.sql_audit_log records every query.
CREATE TABLE mcp_call_log (
    id               bigserial PRIMARY KEY,
    called_at        timestamptz NOT NULL DEFAULT now(),
    chatbot_id       uuid REFERENCES chatbots (id) ON DELETE SET NULL,
    conversation_id  uuid,
    user_id          text,
    server_id        uuid REFERENCES mcp_servers (id) ON DELETE SET NULL,
    server_name      text NOT NULL,
    tool             text NOT NULL,
    arguments        text,
    succeeded        boolean NOT NULL,
    error            text,
    result_bytes     integer,
    duration_ms      integer
);
CREATE INDEX mcp_call_log_chatbot ON mcp_call_log (chatbot_id, called_at);
