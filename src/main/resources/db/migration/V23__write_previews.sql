-- Writes previewed and confirmed (the README's "Writes are previewed, then confirmed"): whether a chatbot's writes wait for
-- the user (@fluxbase:confirm-writes, true by default), and the previews that wait. A preview is kept here, not in memory,
-- so that a confirm reaching another instance finds it, and claimed by one UPDATE in the transaction of the write, so that
-- it commits at most once.
ALTER TABLE chatbots ADD COLUMN confirm_writes boolean NOT NULL DEFAULT true;

CREATE TABLE write_previews (
    id              uuid PRIMARY KEY,
    conversation_id text NOT NULL,
    chatbot_id      uuid NOT NULL,
    user_id         text,
    query           text NOT NULL,
    sql             text NOT NULL,
    parameters      text[] NOT NULL DEFAULT '{}',
    operation       text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    target_table    text,
    key_columns     text[] NOT NULL DEFAULT '{}',
    affected_keys   jsonb,
    rows_affected   integer NOT NULL,
    before_digest   text,
    after_digest    text,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'cancelled', 'stale')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    decided_at      timestamptz
);
CREATE INDEX write_previews_expiry ON write_previews (expires_at);
