-- The pseudonyms a stored conversation's LLM read in place of sensitive values (the README's "Sensitive columns"), so
-- that a value keeps its pseudonym when the conversation is taken up again, on any instance, and its owner can read
-- what an answer's pseudonyms stand for. The value is kept only sealed (AES-GCM with FLUXBASE_AI_ENCRYPTION_KEY, as
-- provider API keys and secret settings are, bound to its conversation and pseudonym), never readable. The rows go with
-- their conversation. One value per pseudonym: turns of one conversation on two instances store theirs one after the
-- other (each holds the conversation's row lock) and the key refuses what would still give a name two values.
CREATE TABLE conversation_pseudonyms (
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    pseudonym       text NOT NULL CHECK (pseudonym ~ '^<[a-z0-9_]{1,40}#[0-9]{1,9}>$'),
    label           text NOT NULL CHECK (label ~ '^[a-z0-9_]{1,40}$'),
    sealed_value    bytea NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, pseudonym)
);
