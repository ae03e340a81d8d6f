-- Chatbot files mean here what they mean in Fluxbase.
-- A conversation TTL may be a Go duration (30m, 1h30m): it is kept in seconds.
ALTER TABLE chatbots ADD COLUMN conversation_ttl_seconds integer;
UPDATE chatbots SET conversation_ttl_seconds = conversation_ttl_hours * 3600;
ALTER TABLE chatbots
    ALTER COLUMN conversation_ttl_seconds SET NOT NULL,
    ALTER COLUMN conversation_ttl_seconds SET DEFAULT 86400,
    ADD CONSTRAINT chatbots_conversation_ttl_seconds_check CHECK (conversation_ttl_seconds > 0),
    DROP COLUMN conversation_ttl_hours;

-- Intent rules, required columns and the default table; the answer's language and reasoning; the audit opt-out.
ALTER TABLE chatbots
    ADD COLUMN intent_rules jsonb,
    ADD COLUMN required_columns jsonb,
    ADD COLUMN default_table text,
    ADD COLUMN response_language text NOT NULL DEFAULT 'auto',
    ADD COLUMN reasoning_mode text NOT NULL DEFAULT 'none' CHECK (reasoning_mode IN ('none', 'react', 'strict')),
    ADD COLUMN show_reasoning boolean NOT NULL DEFAULT false,
    ADD COLUMN execution_logs boolean NOT NULL DEFAULT true;
