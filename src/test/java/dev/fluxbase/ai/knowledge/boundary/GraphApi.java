package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The SDK's knowledge-graph calls (listEntities, searchEntities, getEntityRelationships, getKnowledgeGraph) as it makes them. */
final class GraphApi {

    private final KnowledgeApi api;

    GraphApi(KnowledgeApi api) {
        this.api = api;
    }

    /**
     * A knowledge base that extracts entities with the provider from configuration (named, as other tests may leave a
     * default provider behind), with small chunks (64 tokens) so that a few paragraphs are several chunks.
     */
    String createExtractingKnowledgeBase(String name) {
        ApiResponse response = api.call("POST", BASE, Json.createObjectBuilder().add("name", name).add("chunk_size", 64).add("chunk_overlap", 0)
                .add("entity_extraction", true).add("extraction_provider", "config").build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().getBoolean("entity_extraction")).isTrue();
        return response.json().getString("id");
    }

    /** {@code listEntities(kb, type)}: the SDK appends the type as it is, unencoded. */
    ApiResponse listEntities(String kb, String type) {
        return api.get(BASE + "/" + kb + "/entities" + (type == null ? "" : "?entity_type=" + type));
    }

    List<JsonObject> entities(String kb, String type) {
        ApiResponse response = listEntities(kb, type);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.array("entities").getValuesAs(JsonObject.class);
    }

    /** {@code searchEntities(kb, query, types)}. */
    ApiResponse searchEntities(String kb, String query, List<String> types) {
        String path = BASE + "/" + kb + "/entities/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return api.get(types == null ? path : path + "&types=" + URLEncoder.encode(String.join(",", types), StandardCharsets.UTF_8));
    }

    /** {@code getEntityRelationships(kb, entity)}. */
    ApiResponse relationships(String kb, String entity) {
        return api.get(BASE + "/" + kb + "/entities/" + entity + "/relationships");
    }

    /** {@code getKnowledgeGraph(kb)}. */
    ApiResponse graph(String kb) {
        return api.get(BASE + "/" + kb + "/graph");
    }

    JsonObject entityNamed(String kb, String canonicalName) {
        return entities(kb, null).stream().filter(e -> e.getString("canonical_name").equals(canonicalName)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + canonicalName + " in " + entities(kb, null)));
    }

    List<String> canonicalNames(String kb) {
        return entities(kb, null).stream().map(e -> e.getString("canonical_name")).toList();
    }
}
