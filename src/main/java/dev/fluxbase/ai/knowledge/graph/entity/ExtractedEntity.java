package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.List;

/** An entity as extraction found it in one chunk: its type, its name and the other names the text gave it. */
public record ExtractedEntity(EntityType type, EntityName name, List<EntityName> aliases) {

    public ExtractedEntity {
        aliases = List.copyOf(aliases);
    }

    /** What makes two extracted entities one: their type and canonical name, as in the database. */
    public String key() {
        return type.wireName() + ':' + name.canonical();
    }
}
