package dev.fluxbase.ai.knowledge.graph.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored entity of a knowledge base (the SDK's {@code Entity}).
 *
 * @param metadata      its JSON object as text
 * @param documentCount the documents it was found in
 * @param mentionCount  how often it was found, over all chunks
 */
public record Entity(UUID id, UUID knowledgeBaseId, EntityType type, String name, String canonicalName, List<String> aliases,
        String metadata, int documentCount, int mentionCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Entity {
        aliases = List.copyOf(aliases);
    }
}
