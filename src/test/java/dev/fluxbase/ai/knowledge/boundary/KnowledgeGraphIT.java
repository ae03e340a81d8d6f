package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.it.support.FakeExtraction.entity;
import static dev.fluxbase.ai.it.support.FakeExtraction.relationship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FakeExtraction;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK's knowledge-graph calls (listEntities, searchEntities, getEntityRelationships, getKnowledgeGraph) on a
 * graph extracted during ingestion, with the fake provider answering the extraction requests as scripted here.
 */
@ExtendWith(FluxbaseServer.class)
class KnowledgeGraphIT {

    private static final String ENGINES = "Ada Lovelace worked with Charles Babbage in London on the Analytical Engine.";
    private static final String MUSEUM = "London is home to the Science Museum, near London Bridge and in Greater London, which shows the "
            + "Difference Engine of Charles Babbage.";
    private static final List<String> ALL_NAMES = List.of("ada lovelace", "analytical engine", "charles babbage", "difference engine",
            "greater london", "london", "london bridge", "science museum");

    private ServerUnderTest server;
    private KnowledgeApi api;
    private GraphApi graphApi;
    private String kb;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        api = new KnowledgeApi(server);
        graphApi = new GraphApi(api);
        api.deleteAll();
        server.llm().reset();
        server.llm().respondWith(FakeExtraction.responder(KnowledgeGraphIT::extraction));
        kb = graphApi.createExtractingKnowledgeBase("engines");
        api.readyDocument(kb, "Engines", ENGINES);
        api.readyDocument(kb, "Museum", MUSEUM);
    }

    @AfterEach
    void tearDown() {
        server.llm().reset();
        api.deleteAll();
    }

    private static String extraction(String chunk) {
        if (chunk.contains("Ada Lovelace")) {
            return FakeExtraction.answer(List.of(entity("Ada Lovelace", "person", "Countess of Lovelace"), entity("Charles Babbage", "person"),
                    entity("London", "location"), entity("Analytical Engine", "product")),
                    List.of(relationship("Ada Lovelace", "Analytical Engine", "worked_on", 0.9),
                            relationship("Charles Babbage", "Analytical Engine", "designed", 0.95),
                            relationship("Ada Lovelace", "Charles Babbage", "worked_with", 0.8),
                            relationship("Charles Babbage", "London", "lived_in", 0.6)));
        }
        return FakeExtraction.answer(List.of(entity("London", "location"), entity("Science Museum", "organization"),
                entity("London Bridge", "location"), entity("Greater London", "location"), entity("Difference Engine", "product"),
                entity("Charles Babbage", "person")),
                List.of(relationship("Science Museum", "London", "located_in", 0.9), relationship("Science Museum", "Difference Engine", "shows", 0.7),
                        relationship("Charles Babbage", "Difference Engine", "designed", 0.9)));
    }

    @Test
    void listEntitiesAnswersEveryEntityInTheSdkShapeAndFiltersByType() {
        List<JsonObject> entities = graphApi.entities(kb, null);

        assertThat(entities).extracting(e -> e.getString("canonical_name")).containsExactlyElementsOf(ALL_NAMES);
        JsonObject ada = graphApi.entityNamed(kb, "ada lovelace");
        assertThat(UUID.fromString(ada.getString("id"))).isNotNull();
        assertThat(ada.getString("knowledge_base_id")).isEqualTo(kb);
        assertThat(ada.getString("entity_type")).isEqualTo("person");
        assertThat(ada.getString("name")).isEqualTo("Ada Lovelace");
        assertThat(ada.getJsonArray("aliases").getValuesAs(JsonString::getString)).containsExactly("Countess of Lovelace");
        assertThat(ada.getJsonObject("metadata")).isEmpty();
        assertThat(ada.getInt("document_count")).isEqualTo(1);
        assertThat(Instant.parse(ada.getString("created_at"))).isBeforeOrEqualTo(Instant.parse(ada.getString("updated_at")));
        assertThat(graphApi.entityNamed(kb, "london").getInt("document_count")).as("one entity for both documents").isEqualTo(2);

        assertThat(graphApi.entities(kb, "person")).extracting(e -> e.getString("name")).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(graphApi.entities(kb, "organisation")).extracting(e -> e.getString("name")).containsExactly("Science Museum");
        assertThat(graphApi.entities(kb, "event")).isEmpty();
        ApiResponse unknownType = graphApi.listEntities(kb, "planet");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().getString("code")).isEqualTo("UNKNOWN_ENTITY_TYPE");
        assertThat(unknownType.json().getString("error")).contains("planet", "person", "organization");
        ApiResponse page = api.get(KnowledgeApi.BASE + "/" + kb + "/entities?limit=3&offset=2");
        assertThat(page.array("entities").getValuesAs(JsonObject.class)).extracting(e -> e.getString("canonical_name"))
                .containsExactlyElementsOf(ALL_NAMES.subList(2, 5));
        assertThat(page.json().getBoolean("has_more")).isTrue();
        assertThat(api.get(KnowledgeApi.BASE + "/" + kb + "/entities?limit=0").status()).isEqualTo(400);
        assertNotFound(graphApi.listEntities(UUID.randomUUID().toString(), null), "KNOWLEDGE_BASE_NOT_FOUND");
    }

    @Test
    void searchEntitiesFindsNamesAndAliasesExactMatchesFirstThenPrefixesThenTheRest() {
        assertThat(names(graphApi.searchEntities(kb, "LONDON", null))).containsExactly("London", "London Bridge", "Greater London");
        assertThat(names(graphApi.searchEntities(kb, "lond", null))).containsExactly("London", "London Bridge", "Greater London");
        assertThat(names(graphApi.searchEntities(kb, "engine", null))).containsExactly("Analytical Engine", "Difference Engine");
        assertThat(names(graphApi.searchEntities(kb, "countess of lovelace", null))).containsExactly("Ada Lovelace");
        assertThat(names(graphApi.searchEntities(kb, "Countess", null))).containsExactly("Ada Lovelace");
        assertThat(names(graphApi.searchEntities(kb, "e", List.of("person", "organization"))))
                .containsExactlyInAnyOrder("Ada Lovelace", "Charles Babbage", "Science Museum");
        assertThat(names(graphApi.searchEntities(kb, "100%_", null))).isEmpty();
        assertThat(names(api.get(KnowledgeApi.BASE + "/" + kb + "/entities/search?query=london&limit=1"))).containsExactly("London");

        ApiResponse noQuery = api.get(KnowledgeApi.BASE + "/" + kb + "/entities/search");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.json().getString("code")).isEqualTo("INVALID_REQUEST");
        assertThat(graphApi.searchEntities(kb, "x", List.of("planet")).json().getString("code")).isEqualTo("UNKNOWN_ENTITY_TYPE");
        assertNotFound(graphApi.searchEntities(UUID.randomUUID().toString(), "london", null), "KNOWLEDGE_BASE_NOT_FOUND");
    }

    @Test
    void getEntityRelationshipsAnswersBothDirectionsWithBothEnds() {
        String babbage = graphApi.entityNamed(kb, "charles babbage").getString("id");

        ApiResponse response = graphApi.relationships(kb, babbage);

        assertThat(response.status()).isEqualTo(200);
        List<JsonObject> relationships = response.array("relationships").getValuesAs(JsonObject.class);
        assertThat(relationships).extracting(r -> r.getJsonObject("source_entity").getString("name"), r -> r.getString("relationship_type"),
                r -> r.getJsonObject("target_entity").getString("name"))
                .containsExactlyInAnyOrder(tuple("Charles Babbage", "designed", "Analytical Engine"),
                        tuple("Charles Babbage", "designed", "Difference Engine"), tuple("Charles Babbage", "lived_in", "London"),
                        tuple("Ada Lovelace", "worked_with", "Charles Babbage"));
        JsonObject workedWith = relationships.stream().filter(r -> r.getString("relationship_type").equals("worked_with")).findFirst().orElseThrow();
        assertThat(workedWith.getString("knowledge_base_id")).isEqualTo(kb);
        assertThat(workedWith.getString("target_entity_id")).isEqualTo(babbage);
        assertThat(workedWith.getString("source_entity_id")).isEqualTo(workedWith.getJsonObject("source_entity").getString("id"));
        assertThat(workedWith.getJsonNumber("confidence").doubleValue()).isEqualTo(0.8);
        assertThat(workedWith.getJsonObject("metadata")).isEmpty();
        assertThat(Instant.parse(workedWith.getString("created_at"))).isNotNull();
        assertThat(workedWith.getJsonObject("target_entity").getInt("document_count")).isEqualTo(2);

        assertNotFound(graphApi.relationships(kb, UUID.randomUUID().toString()), "ENTITY_NOT_FOUND");
        assertNotFound(graphApi.relationships(kb, "e1"), "ENTITY_NOT_FOUND");
        String other = graphApi.createExtractingKnowledgeBase("other");
        assertNotFound(graphApi.relationships(other, babbage), "ENTITY_NOT_FOUND");
    }

    @Test
    void getKnowledgeGraphAnswersEntitiesAndRelationshipsAndIsBounded() {
        JsonObject graph = graphApi.graph(kb).json();

        assertThat(graph.getJsonArray("entities").getValuesAs(JsonObject.class)).extracting(e -> e.getString("canonical_name"))
                .containsExactlyInAnyOrderElementsOf(ALL_NAMES);
        assertThat(graph.getInt("entity_count")).isEqualTo(ALL_NAMES.size());
        assertThat(graph.getJsonArray("relationships")).hasSize(7);
        assertThat(graph.getInt("relationship_count")).isEqualTo(7);
        assertThat(graph.getBoolean("truncated")).isFalse();

        // The two most mentioned (Babbage and London, in both documents) and only the relationship between them.
        JsonObject bounded = api.get(KnowledgeApi.BASE + "/" + kb + "/graph?max_entities=2").json();
        assertThat(bounded.getJsonArray("entities").getValuesAs(JsonObject.class)).extracting(e -> e.getString("name"))
                .containsExactly("Charles Babbage", "London");
        assertThat(bounded.getJsonArray("relationships").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonObject("source_entity").getString("name"), r -> r.getString("relationship_type"))
                .containsExactly(tuple("Charles Babbage", "lived_in"));
        assertThat(bounded.getInt("entity_count")).isEqualTo(ALL_NAMES.size());
        assertThat(bounded.getInt("relationship_count")).isEqualTo(7);
        assertThat(bounded.getBoolean("truncated")).isTrue();
        assertThat(api.get(KnowledgeApi.BASE + "/" + kb + "/graph?max_entities=100000").status()).as("above the configured most").isEqualTo(400);

        String empty = graphApi.createExtractingKnowledgeBase("empty");
        JsonObject none = graphApi.graph(empty).json();
        assertThat(none.getJsonArray("entities")).isEmpty();
        assertThat(none.getInt("entity_count")).isZero();
        assertNotFound(graphApi.graph(UUID.randomUUID().toString()), "KNOWLEDGE_BASE_NOT_FOUND");
    }

    private static List<String> names(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.array("entities").getValuesAs(JsonObject.class).stream().map(e -> e.getString("name")).toList();
    }

    private static void assertNotFound(ApiResponse response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().getString("code")).isEqualTo(code);
    }
}
