package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.List;

/**
 * A knowledge base's graph, bounded: at most so many of its most-mentioned entities and the relationships among
 * them. The counts are those of the whole graph, so a client sees when it got only part of it.
 */
public record KnowledgeGraph(List<Entity> entities, List<Relationship> relationships, int entityCount, int relationshipCount) {

    public KnowledgeGraph {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
    }

    public boolean truncated() {
        return entities.size() < entityCount || relationships.size() < relationshipCount;
    }
}
