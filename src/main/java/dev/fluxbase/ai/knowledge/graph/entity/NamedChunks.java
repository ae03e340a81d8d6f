package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.Map;
import java.util.UUID;

/**
 * The chunks of the entities a question names.
 *
 * @param entities         how many entities the question names
 * @param entitiesPerChunk for each chunk, how many of them it mentions
 */
public record NamedChunks(int entities, Map<UUID, Integer> entitiesPerChunk) {

    public static final NamedChunks NONE = new NamedChunks(0, Map.of());

    public NamedChunks {
        entitiesPerChunk = Map.copyOf(entitiesPerChunk);
    }

    /** The share of the named entities the chunk mentions, from 0 to 1. */
    public double share(UUID chunkId) {
        return entities == 0 ? 0 : entitiesPerChunk.getOrDefault(chunkId, 0) / (double) entities;
    }
}
