package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.graph.entity.Entity;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.knowledge.graph.entity.KnowledgeGraph;
import dev.fluxbase.ai.knowledge.graph.entity.Relationship;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Reads a knowledge base's graph for the admin API: entities, searches by name, relationships and the bounded graph. */
@ApplicationScoped
public class GraphReader {

    private static final String ENTITIES = "SELECT " + GraphRows.entityColumns("e", "s", "") + " FROM ai.entities e"
            + GraphRows.statistics("e", "s");
    private static final String RELATIONSHIPS_WITH_ENDS = "SELECT " + GraphRows.relationshipColumns("r") + ", "
            + GraphRows.entityColumns("se", "ss", "s_") + ", " + GraphRows.entityColumns("te", "ts", "t_")
            + " FROM ai.entity_relationships r JOIN ai.entities se ON se.id = r.source_entity_id JOIN ai.entities te ON te.id = r.target_entity_id"
            + GraphRows.statistics("se", "ss") + GraphRows.statistics("te", "ts");
    // Exact name or alias first, then names starting with the query, then names containing it.
    private static final String SEARCH_RANK = "CASE WHEN e.canonical_name = ? OR ? = ANY (e.alias_keys) THEN 3 "
            + "WHEN e.canonical_name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(e.alias_keys) k WHERE k LIKE ? ESCAPE '\\') THEN 2 "
            + "ELSE 1 END AS rank";
    private static final String SEARCH_MATCH = "(e.canonical_name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(e.alias_keys) k "
            + "WHERE k LIKE ? ESCAPE '\\'))";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> new KnowledgeException("Reading the knowledge graph failed: " + e.getMessage(), e));

    public Optional<Entity> entity(UUID knowledgeBaseId, UUID id) {
        return jdbc.first(ENTITIES + " WHERE e.knowledge_base_id = ? AND e.id = ?", rs -> GraphRows.entity(rs, ""), knowledgeBaseId, id);
    }

    /** By canonical name (then type), {@code limit} of them from {@code offset}. */
    public List<Entity> entities(UUID knowledgeBaseId, Optional<EntityType> type, int limit, int offset) {
        List<Object> parameters = new ArrayList<>(List.of(knowledgeBaseId));
        type.ifPresent(t -> parameters.add(t.wireName()));
        parameters.addAll(List.of(limit, offset));
        return jdbc.list(ENTITIES + " WHERE e.knowledge_base_id = ?" + (type.isPresent() ? " AND e.entity_type = ?" : "")
                + " ORDER BY e.canonical_name, e.entity_type LIMIT ? OFFSET ?", rs -> GraphRows.entity(rs, ""), parameters.toArray());
    }

    /**
     * Entities whose canonical name or an alias's contains the query (in canonical form), of the given types (all
     * when none): exact matches first, then prefixes, then the rest, the most mentioned first within each.
     */
    public List<Entity> search(UUID knowledgeBaseId, String canonicalQuery, List<EntityType> types, int limit) {
        String prefix = likeEscaped(canonicalQuery) + "%";
        String contains = "%" + prefix;
        List<Object> parameters = new ArrayList<>(List.of(canonicalQuery, canonicalQuery, prefix, prefix, knowledgeBaseId, contains, contains));
        if (!types.isEmpty()) {
            parameters.add(new Jdbc.TextArray(types.stream().map(EntityType::wireName).toList()));
        }
        parameters.add(limit);
        return jdbc.list("SELECT " + GraphRows.entityColumns("e", "s", "") + ", " + SEARCH_RANK + " FROM ai.entities e"
                + GraphRows.statistics("e", "s") + " WHERE e.knowledge_base_id = ? AND " + SEARCH_MATCH
                + (types.isEmpty() ? "" : " AND e.entity_type = ANY (?)") + " ORDER BY rank DESC, s.mention_count DESC, e.canonical_name LIMIT ?",
                rs -> GraphRows.entity(rs, ""), parameters.toArray());
    }

    /** The entity's relationships in both directions, with both ends. */
    public List<Relationship> relationships(UUID knowledgeBaseId, UUID entityId, int limit) {
        return jdbc.list(RELATIONSHIPS_WITH_ENDS + " WHERE r.knowledge_base_id = ? AND (r.source_entity_id = ? OR r.target_entity_id = ?) "
                + "ORDER BY r.relationship_type, se.canonical_name, te.canonical_name LIMIT ?",
                rs -> GraphRows.relationship(rs, GraphRows.entity(rs, "s_"), GraphRows.entity(rs, "t_")), knowledgeBaseId, entityId, entityId, limit);
    }

    /** The most-mentioned entities and the most confident relationships among them, with the whole graph's counts. */
    public KnowledgeGraph graph(UUID knowledgeBaseId, int maxEntities, int maxRelationships) {
        return jdbc.run(connection -> {
            List<Entity> entities = Jdbc.list(connection, ENTITIES + " WHERE e.knowledge_base_id = ? "
                    + "ORDER BY s.mention_count DESC, s.document_count DESC, e.canonical_name, e.id LIMIT ?", rs -> GraphRows.entity(rs, ""),
                    knowledgeBaseId, maxEntities);
            List<Relationship> relationships = among(connection, knowledgeBaseId, entities, maxRelationships);
            int[] counts = Jdbc.first(connection, "SELECT (SELECT count(*) FROM ai.entities WHERE knowledge_base_id = ?), "
                    + "(SELECT count(*) FROM ai.entity_relationships WHERE knowledge_base_id = ?)",
                    rs -> new int[] {rs.getInt(1), rs.getInt(2)}, knowledgeBaseId, knowledgeBaseId).orElseThrow();
            return new KnowledgeGraph(entities, relationships, counts[0], counts[1]);
        });
    }

    private static List<Relationship> among(Connection connection, UUID knowledgeBaseId, List<Entity> entities, int limit)
            throws SQLException {
        Map<UUID, Entity> byId = entities.stream().collect(Collectors.toMap(Entity::id, Function.identity()));
        Jdbc.TextArray ids = new Jdbc.TextArray(byId.keySet().stream().map(UUID::toString).toList());
        return Jdbc.list(connection, "SELECT " + GraphRows.relationshipColumns("r") + " FROM ai.entity_relationships r "
                + "WHERE r.knowledge_base_id = ? AND r.source_entity_id = ANY (cast(? AS uuid[])) AND r.target_entity_id = ANY (cast(? AS uuid[])) "
                + "ORDER BY r.confidence DESC NULLS LAST, r.relationship_type, r.id LIMIT ?",
                rs -> GraphRows.relationship(rs, byId.get(rs.getObject("source_entity_id", UUID.class)),
                        byId.get(rs.getObject("target_entity_id", UUID.class))), knowledgeBaseId, ids, ids, limit);
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
