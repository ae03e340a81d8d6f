package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.List;

/** The entities and relationships extracted from one chunk. */
public record ChunkGraph(List<ExtractedEntity> entities, List<ExtractedRelationship> relationships) {

    public static final ChunkGraph EMPTY = new ChunkGraph(List.of(), List.of());

    public ChunkGraph {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
    }
}
