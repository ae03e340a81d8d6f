-- Settings that chatbots name in their prompt, http-allowed-domains and http_get secrets as {{key}}, {{user:key}}
-- and {{system:key}} (Fluxbase's custom, secret and user settings). A row without user_id is a system setting, one
-- with it belongs to that user. A secret keeps only its sealed value (AES-GCM with FLUXBASE_AI_ENCRYPTION_KEY, as
-- provider API keys are kept), never a readable one. End-user roles have no usage on this schema, so no chatbot
-- query reaches the table. The limits below back up the API's own checks.
CREATE TABLE settings (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key             text NOT NULL CHECK (key ~ '^[a-zA-Z][a-zA-Z0-9_.]*$' AND length(key) <= 128),
    user_id         text CHECK (length(user_id) BETWEEN 1 AND 255),
    is_secret       boolean NOT NULL DEFAULT false,
    value           jsonb,
    value_type      text NOT NULL DEFAULT 'json' CHECK (value_type IN ('string', 'number', 'boolean', 'json')),
    encrypted_value bytea,
    description     text CHECK (length(description) <= 1000),
    editable_by     text[] NOT NULL DEFAULT '{dashboard_admin}' CHECK (cardinality(editable_by) <= 32),
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (octet_length(metadata::text) <= 32768),
    created_by      text,
    updated_by      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- a secret has only its sealed value, any other setting only its readable one
    CONSTRAINT settings_one_value CHECK (CASE WHEN is_secret THEN value IS NULL AND encrypted_value IS NOT NULL
                                              ELSE value IS NOT NULL AND encrypted_value IS NULL END),
    -- 64 KiB of compact JSON may read back with spaces; a sealed value is 29 bytes longer than its text
    CONSTRAINT settings_value_size CHECK (octet_length(value::text) <= 131072 AND octet_length(encrypted_value) <= 65565),
    -- one setting per key for the system and for each user
    CONSTRAINT settings_user_key UNIQUE NULLS NOT DISTINCT (user_id, key)
);

-- The settings a chatbot cannot answer without (@fluxbase:required-settings).
ALTER TABLE chatbots ADD COLUMN required_settings text[] NOT NULL DEFAULT '{}';
