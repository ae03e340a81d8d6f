package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes into a knowledge base's graph on the caller's connection, so an ingestion or an export stores its
 * document, entities and provenance in one transaction. Entities merge by type and canonical name; a
 * relationship is stored once per source, target and type (its confidence rises to the highest seen); a
 * mention counts how often an entity was found in one chunk. An entity or relationship whose last mention is
 * deleted (with its document or chunk) is deleted at commit (V13); one that never had a mention stays.
 */
public final class GraphWriter {

    private GraphWriter() {
    }

    /** The entity's id, created or found; a new spelling of a known entity becomes one of its aliases. */
    public static UUID entity(Connection connection, UUID knowledgeBaseId, EntityType type, EntityName name, String metadataJson)
            throws SQLException {
        return Jdbc.first(connection, "INSERT INTO ai.entities AS e (knowledge_base_id, entity_type, name, canonical_name, metadata) "
                + "VALUES (?, ?, ?, ?, coalesce(cast(? AS jsonb), '{}'::jsonb)) "
                + "ON CONFLICT (knowledge_base_id, entity_type, canonical_name) DO UPDATE SET "
                + "aliases = CASE WHEN excluded.name = e.name OR excluded.name = ANY (e.aliases) THEN e.aliases "
                + "ELSE array_append(e.aliases, excluded.name) END, "
                + "metadata = e.metadata || excluded.metadata, updated_at = now() RETURNING id",
                row -> row.getObject(1, UUID.class), knowledgeBaseId, type.wireName(), name.name(), name.canonical(), metadataJson)
                .orElseThrow();
    }

    /** The relationship's id, created or found; a relationship of an entity to itself is not stored (null). */
    public static UUID relationship(Connection connection, UUID knowledgeBaseId, UUID source, UUID target, String type,
            Double confidence, String metadataJson) throws SQLException {
        if (source.equals(target)) {
            return null;
        }
        return Jdbc.first(connection, "INSERT INTO ai.entity_relationships AS r (knowledge_base_id, source_entity_id, "
                + "target_entity_id, relationship_type, confidence, metadata) VALUES (?, ?, ?, ?, ?, coalesce(cast(? AS jsonb), '{}'::jsonb)) "
                + "ON CONFLICT (knowledge_base_id, source_entity_id, target_entity_id, relationship_type) DO UPDATE SET "
                + "confidence = greatest(r.confidence, excluded.confidence), metadata = r.metadata || excluded.metadata RETURNING id",
                row -> row.getObject(1, UUID.class), knowledgeBaseId, source, target, type, confidence, metadataJson).orElseThrow();
    }

    /**
     * Adds names the text also gave the entity, with their canonical forms, by which a question naming the entity
     * so finds it; names it already has are skipped.
     */
    public static void aliases(Connection connection, UUID entityId, List<EntityName> aliases) throws SQLException {
        if (aliases.isEmpty()) {
            return;
        }
        Jdbc.update(connection, "UPDATE ai.entities e SET "
                + "aliases = e.aliases || ARRAY(SELECT DISTINCT a FROM unnest(cast(? AS text[])) a WHERE a <> e.name AND NOT a = ANY (e.aliases)), "
                + "alias_keys = ARRAY(SELECT DISTINCT k FROM unnest(e.alias_keys || cast(? AS text[])) k WHERE k <> e.canonical_name) "
                + "WHERE e.id = ?", new Jdbc.TextArray(aliases.stream().map(EntityName::name).toList()),
                new Jdbc.TextArray(aliases.stream().map(EntityName::canonical).toList()), entityId);
    }

    /** Records that the relationship was stated in the document (in the chunk, when one is given). */
    public static void relationshipMention(Connection connection, UUID relationshipId, UUID documentId, UUID chunkId) throws SQLException {
        Jdbc.update(connection, "INSERT INTO ai.relationship_mentions (relationship_id, document_id, chunk_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (relationship_id, document_id, coalesce(chunk_id, '00000000-0000-0000-0000-000000000000'::uuid)) DO NOTHING",
                relationshipId, documentId, chunkId);
    }

    /** Records that the entity was found in the document (in the chunk, when one is given). */
    public static void mention(Connection connection, UUID entityId, UUID documentId, UUID chunkId) throws SQLException {
        Jdbc.update(connection, "INSERT INTO ai.entity_mentions (entity_id, document_id, chunk_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (entity_id, document_id, coalesce(chunk_id, '00000000-0000-0000-0000-000000000000'::uuid)) "
                + "DO UPDATE SET mention_count = ai.entity_mentions.mention_count + 1", entityId, documentId, chunkId);
    }
}
