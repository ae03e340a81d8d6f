package dev.fluxbase.ai.knowledge.graph.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored relationship between two entities (the SDK's {@code EntityRelationship}) with both ends.
 *
 * @param confidence from 0 to 1, or null
 * @param metadata   its JSON object as text
 */
public record Relationship(UUID id, UUID knowledgeBaseId, String type, Double confidence, String metadata, OffsetDateTime createdAt,
        Entity source, Entity target) {
}
