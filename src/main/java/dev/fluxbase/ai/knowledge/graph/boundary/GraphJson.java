package dev.fluxbase.ai.knowledge.graph.boundary;

import dev.fluxbase.ai.knowledge.graph.entity.Entity;
import dev.fluxbase.ai.knowledge.graph.entity.KnowledgeGraph;
import dev.fluxbase.ai.knowledge.graph.entity.Relationship;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** The SDK's Entity, EntityRelationship and KnowledgeGraphData shapes, with a few extension fields. */
final class GraphJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private GraphJson() {
    }

    /** The SDK's fields, and how often the entity was found ({@code mention_count}, extension). */
    static JsonObject entity(Entity e) {
        return JSON.createObjectBuilder()
                .add("id", e.id().toString()).add("knowledge_base_id", e.knowledgeBaseId().toString())
                .add("entity_type", e.type().wireName()).add("name", e.name()).add("canonical_name", e.canonicalName())
                .add("aliases", JSON.createArrayBuilder(e.aliases())).add("metadata", object(e.metadata()))
                .add("document_count", e.documentCount()).add("mention_count", e.mentionCount())
                .add("created_at", time(e.createdAt())).add("updated_at", time(e.updatedAt()))
                .build();
    }

    /** With both ends embedded as {@code source_entity} and {@code target_entity}. */
    static JsonObject relationship(Relationship r) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", r.id().toString()).add("knowledge_base_id", r.knowledgeBaseId().toString())
                .add("source_entity_id", r.source().id().toString()).add("target_entity_id", r.target().id().toString())
                .add("relationship_type", r.type()).add("metadata", object(r.metadata())).add("created_at", time(r.createdAt()))
                .add("source_entity", entity(r.source())).add("target_entity", entity(r.target()));
        if (r.confidence() != null) {
            json.add("confidence", r.confidence());
        }
        return json.build();
    }

    /** The graph with the whole graph's counts, and whether (and to how many entities) it was cut ({@code truncated}, extension). */
    static JsonObject graph(KnowledgeGraph graph, int maxEntities) {
        return JSON.createObjectBuilder()
                .add("entities", array(graph.entities(), GraphJson::entity))
                .add("relationships", array(graph.relationships(), GraphJson::relationship))
                .add("entity_count", graph.entityCount()).add("relationship_count", graph.relationshipCount())
                .add("truncated", graph.truncated()).add("max_entities", maxEntities)
                .build();
    }

    static <T> JsonObject list(String key, List<T> items, Function<T, JsonObject> mapper) {
        return JSON.createObjectBuilder().add(key, array(items, mapper)).add("count", items.size()).build();
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObject> mapper) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(mapper.apply(item)));
        return array;
    }

    private static JsonValue object(String json) {
        return json == null ? JsonValue.EMPTY_JSON_OBJECT : JsonFactories.read(json);
    }

    private static String time(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
