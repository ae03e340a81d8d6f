-- Per-user retrieval (issue #21 item 4).

-- A document's owner is its metadata.user_id (the SDK's shape), kept in a column so that retrieval filters on an index.
-- Generated, so the two can never disagree whoever writes the metadata.
ALTER TABLE documents ADD COLUMN owner_id text GENERATED ALWAYS AS (metadata ->> 'user_id') STORED;
CREATE INDEX documents_kb_owner ON documents (knowledge_base_id, owner_id);

-- Fluxbase's link fields: 'full' retrieves every document; 'filtered' only the turn's user's and unowned ones, that
-- also match filter_expression ({metadata key: value}, "$user_id" meaning the turn's user); 'tiered' is accepted as
-- Fluxbase accepts it and retrieves like 'full'.
ALTER TABLE chatbot_knowledge_bases
    ADD COLUMN access_level text NOT NULL DEFAULT 'full' CHECK (access_level IN ('full', 'filtered', 'tiered')),
    ADD COLUMN filter_expression jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(filter_expression) = 'object'),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Who may use a knowledge base through the user routes (/api/v1/ai/knowledge-bases): Fluxbase's visibility
-- ('public': every signed-in user may read it) and per-user grants (viewer reads, editor adds and deletes its own
-- documents, owner also shares).
ALTER TABLE knowledge_bases
    ADD COLUMN visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared', 'public'));

CREATE TABLE knowledge_base_permissions (
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    user_id           text NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
    permission        text NOT NULL CHECK (permission IN ('viewer', 'editor', 'owner')),
    granted_by        text,
    granted_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (knowledge_base_id, user_id)
);
CREATE INDEX knowledge_base_permissions_user ON knowledge_base_permissions (user_id);
