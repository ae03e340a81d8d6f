package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.graph.entity.Entity;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.knowledge.graph.entity.Relationship;
import dev.fluxbase.ai.platform.control.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The SELECT parts of entities and relationships and their rows as records. An entity is read with how many
 * documents and chunk mentions it has, from a lateral join over its mentions; columns carry a prefix, so that
 * a relationship's row holds both its ends.
 */
final class GraphRows {

    private GraphRows() {
    }

    /** An entity's columns: {@code e} the entity's alias, {@code s} its statistics' alias. */
    static String entityColumns(String e, String s, String prefix) {
        return String.join(", ", e + ".id AS " + prefix + "id", e + ".knowledge_base_id AS " + prefix + "knowledge_base_id",
                e + ".entity_type AS " + prefix + "entity_type", e + ".name AS " + prefix + "name",
                e + ".canonical_name AS " + prefix + "canonical_name", e + ".aliases AS " + prefix + "aliases",
                e + ".metadata::text AS " + prefix + "metadata", s + ".document_count AS " + prefix + "document_count",
                s + ".mention_count AS " + prefix + "mention_count", e + ".created_at AS " + prefix + "created_at",
                e + ".updated_at AS " + prefix + "updated_at");
    }

    /** The join that gives the entity {@code e} its statistics as {@code s}. */
    static String statistics(String e, String s) {
        return " LEFT JOIN LATERAL (SELECT count(DISTINCT m.document_id) AS document_count, coalesce(sum(m.mention_count), 0) AS mention_count "
                + "FROM ai.entity_mentions m WHERE m.entity_id = " + e + ".id) " + s + " ON true";
    }

    static String relationshipColumns(String r) {
        return r + ".id, " + r + ".knowledge_base_id, " + r + ".source_entity_id, " + r + ".target_entity_id, " + r + ".relationship_type, "
                + r + ".confidence, " + r + ".metadata::text AS metadata, " + r + ".created_at";
    }

    static Entity entity(ResultSet rs, String prefix) throws SQLException {
        return new Entity(rs.getObject(prefix + "id", UUID.class), rs.getObject(prefix + "knowledge_base_id", UUID.class),
                EntityType.of(rs.getString(prefix + "entity_type")).orElse(EntityType.OTHER), rs.getString(prefix + "name"),
                rs.getString(prefix + "canonical_name"), Jdbc.strings(rs, prefix + "aliases"), rs.getString(prefix + "metadata"),
                rs.getInt(prefix + "document_count"), rs.getInt(prefix + "mention_count"), time(rs, prefix + "created_at"),
                time(rs, prefix + "updated_at"));
    }

    static Relationship relationship(ResultSet rs, Entity source, Entity target) throws SQLException {
        return new Relationship(rs.getObject("id", UUID.class), rs.getObject("knowledge_base_id", UUID.class),
                rs.getString("relationship_type"), rs.getObject("confidence", Double.class), rs.getString("metadata"), time(rs, "created_at"),
                source, target);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
