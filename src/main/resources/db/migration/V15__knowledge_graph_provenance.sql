-- Entity extraction during ingestion: where each relationship was found, aliases the model named (their
-- canonical forms, so a question can be matched against them), no entity or relationship outliving its last
-- provenance, and extraction calls in the usage ledger.

-- Canonical forms (EntityName.canonical) of the aliases that differ from the entity's canonical name.
ALTER TABLE entities ADD COLUMN alias_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX entities_alias_keys ON entities USING gin (alias_keys);

CREATE TABLE relationship_mentions (
    id              bigserial PRIMARY KEY,
    relationship_id uuid NOT NULL REFERENCES entity_relationships (id) ON DELETE CASCADE,
    document_id     uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    chunk_id        uuid REFERENCES chunks (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX relationship_mentions_unique ON relationship_mentions (relationship_id, document_id,
    coalesce(chunk_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX relationship_mentions_document ON relationship_mentions (document_id);
-- Replacing a document's chunks deletes their mentions by chunk (the cascade), and graph retrieval reads them by chunk.
CREATE INDEX relationship_mentions_chunk ON relationship_mentions (chunk_id);
CREATE INDEX entity_mentions_chunk ON entity_mentions (chunk_id);

-- An entity (relationship) whose last mention goes, with a deleted document or its replaced chunks, goes too.
-- Checked at commit: a document re-extracted in the same transaction keeps its entities and their ids.
-- Entities and relationships that never had a mention (a table export's foreign-key targets) are left alone.
-- The row is locked before the check, so that a transaction adding a mention meanwhile (which locks the entity by
-- its upsert) has committed when the check looks, with a snapshot of its own.
CREATE FUNCTION forget_unmentioned_entity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM ai.entities WHERE id = OLD.entity_id FOR UPDATE;
    IF FOUND AND NOT EXISTS (SELECT 1 FROM ai.entity_mentions WHERE entity_id = OLD.entity_id) THEN
        DELETE FROM ai.entities WHERE id = OLD.entity_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entity_mentions_forget AFTER DELETE ON entity_mentions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION forget_unmentioned_entity();

CREATE FUNCTION forget_unmentioned_relationship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM ai.entity_relationships WHERE id = OLD.relationship_id FOR UPDATE;
    IF FOUND AND NOT EXISTS (SELECT 1 FROM ai.relationship_mentions WHERE relationship_id = OLD.relationship_id) THEN
        DELETE FROM ai.entity_relationships WHERE id = OLD.relationship_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER relationship_mentions_forget AFTER DELETE ON relationship_mentions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION forget_unmentioned_relationship();

-- Extraction calls are booked with the knowledge base they worked for (no foreign key: the ledger is history,
-- and deleting a knowledge base should not rewrite it), under their own outcome.
ALTER TABLE usage_ledger ADD COLUMN knowledge_base_id uuid;
ALTER TABLE usage_ledger DROP CONSTRAINT usage_ledger_outcome;
ALTER TABLE usage_ledger ADD CONSTRAINT usage_ledger_outcome CHECK (outcome IN ('done', 'error', 'cancelled', 'refused', 'extraction'));
