-- The knowledge graph of a knowledge base: entities (deduplicated by type and normalised name), the
-- relationships between them, and where each entity was found (document and chunk), so retrieval can
-- pull an entity's chunks and deleting a document removes its provenance.
ALTER TABLE knowledge_bases
    ADD COLUMN entity_extraction   boolean NOT NULL DEFAULT false,
    ADD COLUMN extraction_provider text;

CREATE TABLE entities (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    entity_type       text NOT NULL CHECK (entity_type IN ('person', 'organization', 'location', 'concept', 'product',
                          'event', 'table', 'url', 'api_endpoint', 'datetime', 'code_reference', 'error', 'other')),
    name              text NOT NULL,
    canonical_name    text NOT NULL,
    aliases           text[] NOT NULL DEFAULT '{}',
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (knowledge_base_id, entity_type, canonical_name)
);
CREATE INDEX entities_kb_name ON entities (knowledge_base_id, canonical_name text_pattern_ops);

CREATE TABLE entity_relationships (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    source_entity_id  uuid NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    target_entity_id  uuid NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    relationship_type text NOT NULL,
    confidence        double precision CHECK (confidence BETWEEN 0 AND 1),
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (knowledge_base_id, source_entity_id, target_entity_id, relationship_type),
    CHECK (source_entity_id <> target_entity_id)
);
CREATE INDEX entity_relationships_source ON entity_relationships (source_entity_id);
CREATE INDEX entity_relationships_target ON entity_relationships (target_entity_id);

-- Provenance: one row per entity and chunk it was found in (chunk_id NULL: found in the document as a whole,
-- e.g. a table export).
CREATE TABLE entity_mentions (
    id            bigserial PRIMARY KEY,
    entity_id     uuid NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    document_id   uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    chunk_id      uuid REFERENCES chunks (id) ON DELETE CASCADE,
    mention_count integer NOT NULL DEFAULT 1 CHECK (mention_count > 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX entity_mentions_unique ON entity_mentions (entity_id, document_id, coalesce(chunk_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX entity_mentions_document ON entity_mentions (document_id);
