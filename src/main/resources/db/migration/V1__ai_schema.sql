-- The ai schema: everything the chatbot server stores. pgvector must be installed in the
-- database (CREATE EXTENSION needs a superuser; the run and test scripts create it).
CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

CREATE TABLE providers (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name               text NOT NULL UNIQUE,
    display_name       text NOT NULL,
    provider_type      text NOT NULL CHECK (provider_type IN ('openai', 'azure', 'ollama')),
    is_default         boolean NOT NULL DEFAULT false,
    use_for_embeddings boolean NOT NULL DEFAULT false,
    embedding_model    text,
    enabled            boolean NOT NULL DEFAULT true,
    config             jsonb NOT NULL DEFAULT '{}'::jsonb,
    api_key_encrypted  bytea,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX providers_one_default ON providers ((true)) WHERE is_default;
CREATE UNIQUE INDEX providers_one_embedding ON providers ((true)) WHERE use_for_embeddings;

CREATE TABLE chatbots (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                     text NOT NULL,
    namespace                text NOT NULL DEFAULT 'default',
    description              text,
    code                     text NOT NULL,
    original_code            text,
    system_prompt            text NOT NULL,
    -- Set by admins only: loading and syncing a file never change it.
    enabled                  boolean NOT NULL DEFAULT true,
    is_public                boolean NOT NULL DEFAULT true,
    allowed_tables           text[] NOT NULL DEFAULT '{}',
    allowed_operations       text[] NOT NULL DEFAULT '{SELECT}',
    allowed_schemas          text[] NOT NULL DEFAULT '{public}',
    http_allowed_domains     text[] NOT NULL DEFAULT '{}',
    tools                    text[] NOT NULL DEFAULT '{}',
    knowledge_bases          text[] NOT NULL DEFAULT '{}',
    max_tokens               integer NOT NULL DEFAULT 4096 CHECK (max_tokens > 0),
    temperature              numeric(3, 2) NOT NULL DEFAULT 0.7 CHECK (temperature BETWEEN 0 AND 2),
    provider_id              uuid REFERENCES providers (id) ON DELETE SET NULL,
    provider_name            text,
    model                    text,
    persist_conversations    boolean NOT NULL DEFAULT false,
    conversation_ttl_hours   integer NOT NULL DEFAULT 24 CHECK (conversation_ttl_hours > 0),
    max_conversation_turns   integer NOT NULL DEFAULT 50 CHECK (max_conversation_turns > 0),
    max_iterations           integer NOT NULL DEFAULT 5 CHECK (max_iterations > 0),
    rate_limit_per_minute    integer NOT NULL DEFAULT 10 CHECK (rate_limit_per_minute >= 0),
    daily_request_limit      integer NOT NULL DEFAULT 100 CHECK (daily_request_limit >= 0),
    daily_token_budget       integer NOT NULL DEFAULT 50000 CHECK (daily_token_budget >= 0),
    allow_unauthenticated    boolean NOT NULL DEFAULT false,
    rag_max_chunks           integer NOT NULL DEFAULT 5 CHECK (rag_max_chunks > 0),
    rag_similarity_threshold numeric(4, 3) NOT NULL DEFAULT 0.7 CHECK (rag_similarity_threshold BETWEEN 0 AND 1),
    version                  integer NOT NULL DEFAULT 1,
    source                   text NOT NULL DEFAULT 'filesystem' CHECK (source IN ('filesystem', 'api')),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    UNIQUE (namespace, name)
);

CREATE TABLE conversations (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    chatbot_id       uuid NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
    user_id          text,
    client_key       text,
    title            text,
    turn_count       integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_owner ON conversations (user_id, chatbot_id, updated_at DESC);
CREATE INDEX conversations_activity ON conversations (last_activity_at);

CREATE TABLE messages (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id   uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    ordinal           integer NOT NULL,
    role              text NOT NULL CHECK (role IN ('user', 'assistant', 'tool', 'system')),
    content           text NOT NULL DEFAULT '',
    tool_calls        jsonb,
    tool_call_id      text,
    query_results     jsonb,
    prompt_tokens     integer,
    completion_tokens integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, ordinal)
);

-- Fixed-window counters shared by every server instance; rows are keyed by the window's start.
CREATE TABLE usage_counters (
    subject      text NOT NULL,
    chatbot_id   uuid NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
    window_kind  text NOT NULL CHECK (window_kind IN ('minute', 'day')),
    window_start timestamptz NOT NULL,
    requests     integer NOT NULL DEFAULT 0,
    tokens       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (subject, chatbot_id, window_kind, window_start)
);
CREATE INDEX usage_counters_window ON usage_counters (window_start);

CREATE TABLE usage_ledger (
    id                bigserial PRIMARY KEY,
    occurred_at       timestamptz NOT NULL DEFAULT now(),
    user_id           text,
    client_key        text,
    chatbot_id        uuid REFERENCES chatbots (id) ON DELETE SET NULL,
    chatbot_name      text,
    conversation_id   uuid,
    provider_id       uuid,
    provider_name     text,
    model             text,
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    duration_ms       integer NOT NULL DEFAULT 0,
    outcome           text NOT NULL
);
CREATE INDEX usage_ledger_chatbot_day ON usage_ledger (chatbot_id, occurred_at);
CREATE INDEX usage_ledger_user_day ON usage_ledger (user_id, occurred_at);

CREATE TABLE knowledge_bases (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                 text NOT NULL,
    namespace            text NOT NULL DEFAULT 'default',
    description          text,
    embedding_model      text NOT NULL,
    embedding_dimensions integer NOT NULL CHECK (embedding_dimensions > 0),
    chunk_size           integer NOT NULL DEFAULT 512 CHECK (chunk_size > 0),
    chunk_overlap        integer NOT NULL DEFAULT 50 CHECK (chunk_overlap >= 0),
    chunk_strategy       text NOT NULL DEFAULT 'recursive',
    enabled              boolean NOT NULL DEFAULT true,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (namespace, name)
);

CREATE TABLE documents (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    title             text,
    source            text,
    mime_type         text NOT NULL DEFAULT 'text/plain',
    content           text NOT NULL,
    content_hash      text,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    tags              text[] NOT NULL DEFAULT '{}',
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'ready', 'failed')),
    error_message     text,
    chunk_count       integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_kb ON documents (knowledge_base_id);

-- The dimension is per knowledge base, so the column is an untyped vector; vector indexes are
-- per knowledge base (partial, on a cast to its dimension).
CREATE TABLE chunks (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id       uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    chunk_index       integer NOT NULL,
    content           text NOT NULL,
    token_count       integer,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    embedding         vector NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, chunk_index)
);
CREATE INDEX chunks_kb ON chunks (knowledge_base_id);

CREATE TABLE chatbot_knowledge_bases (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    chatbot_id           uuid NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
    knowledge_base_id    uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    enabled              boolean NOT NULL DEFAULT true,
    max_chunks           integer NOT NULL DEFAULT 5 CHECK (max_chunks > 0),
    similarity_threshold numeric(4, 3) NOT NULL DEFAULT 0.7 CHECK (similarity_threshold BETWEEN 0 AND 1),
    priority             integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (chatbot_id, knowledge_base_id)
);

CREATE TABLE sql_audit_log (
    id               bigserial PRIMARY KEY,
    executed_at      timestamptz NOT NULL DEFAULT now(),
    chatbot_id       uuid REFERENCES chatbots (id) ON DELETE SET NULL,
    conversation_id  uuid,
    user_id          text,
    db_role          text NOT NULL,
    sql              text NOT NULL,
    allowed          boolean NOT NULL,
    rejection_reason text,
    row_count        integer,
    duration_ms      integer,
    error            text
);
CREATE INDEX sql_audit_log_chatbot ON sql_audit_log (chatbot_id, executed_at);
