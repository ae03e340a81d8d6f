-- Table exports kept in sync: which table of which knowledge base is exported how, when it is exported again
-- (sync_interval_minutes; NULL: on demand only), as which database role (export_role; NULL: the configured
-- default), and what the last sync found, so that the next one can tell an unchanged table from a changed one.
CREATE TABLE table_export_sync_configs (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id     uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    schema_name           text NOT NULL,
    table_name            text NOT NULL,
    columns               text[],
    include_foreign_keys  boolean NOT NULL DEFAULT false,
    include_indexes       boolean NOT NULL DEFAULT false,
    include_sample_rows   boolean NOT NULL DEFAULT false,
    sample_row_count      integer NOT NULL DEFAULT 5 CHECK (sample_row_count > 0),
    sync_interval_minutes integer CHECK (sync_interval_minutes > 0),
    export_role           text,
    change_column         text,
    document_id           uuid REFERENCES documents (id) ON DELETE SET NULL,
    last_sync_at          timestamptz,
    last_sync_status      text,
    last_sync_error       text,
    -- schema fingerprint, newest change-column value and row count seen by the last sync (NULL: not comparable)
    last_sync_state       text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (knowledge_base_id, schema_name, table_name)
);
CREATE INDEX table_export_sync_configs_scheduled ON table_export_sync_configs (last_sync_at) WHERE sync_interval_minutes IS NOT NULL;
