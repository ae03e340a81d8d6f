package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.it.support.FakeExtraction.entity;
import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FakeExtraction;
import dev.fluxbase.ai.it.support.FakeLlmServer;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Entity extraction during ingestion: opt-in per knowledge base, one provider call per chunk booked in the usage
 * ledger, spellings merged, provenance kept per document and chunk (deleting or replacing a document takes its
 * entities along unless another document mentions them), and a failed extraction never costing the document.
 */
@ExtendWith(FluxbaseServer.class)
class GraphExtractionIT {

    private ServerUnderTest server;
    private FakeLlmServer llm;
    private KnowledgeApi api;
    private GraphApi graphApi;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        llm = server.llm();
        api = new KnowledgeApi(server);
        graphApi = new GraphApi(api);
        api.deleteAll();
        llm.reset();
    }

    @AfterEach
    void tearDown() {
        llm.reset();
        api.deleteAll();
    }

    @Test
    void extractionIsOptInPerKnowledgeBaseAndShownInIt() {
        llm.respondWith(FakeExtraction.responder(chunk -> FakeExtraction.entities("Oslo", "location")));
        JsonObject plain = api.createKnowledgeBase("plain");
        assertThat(plain.getBoolean("entity_extraction")).isFalse();
        assertThat(plain.isNull("extraction_provider")).isTrue();
        String kb = plain.getString("id");

        api.readyDocument(kb, "Trip", "We flew to Oslo.");

        assertThat(extractionRequests()).isEmpty();
        assertThat(graphApi.entities(kb, null)).isEmpty();
        JsonObject switched = api.call("PUT", BASE + "/" + kb, "{\"entity_extraction\":true,\"extraction_provider\":\"config\"}").json();
        assertThat(switched.getBoolean("entity_extraction")).isTrue();
        assertThat(switched.getString("extraction_provider")).isEqualTo("config");
        api.readyDocument(kb, "Trip 2", "We flew to Oslo again.");
        assertThat(extractionRequests()).hasSize(1);
        assertThat(graphApi.canonicalNames(kb)).containsExactly("oslo");
        JsonObject reset = api.call("PUT", BASE + "/" + kb, "{\"extraction_provider\":null}").json();
        assertThat(reset.isNull("extraction_provider")).isTrue();
        assertThat(api.get(BASE + "/" + kb).json().getBoolean("entity_extraction")).isTrue();
        assertThat(api.call("POST", BASE, "{\"name\":\"bad\",\"entity_extraction\":\"yes\"}").status()).isEqualTo(400);
    }

    @Test
    void everyChunkIsAskedForWithTheSchemaAndEveryCallIsBookedInTheUsageLedger() {
        llm.respondWith(FakeExtraction.responder(chunk -> FakeExtraction.entities("Oslo", "location")));
        String kb = graphApi.createExtractingKnowledgeBase("ledger");
        JsonObject before = usageTotals();

        String document = api.readyDocument(kb, "Long", paragraphs(3));

        int chunks = api.get(BASE + "/" + kb + "/documents/" + document).json().getInt("chunk_count");
        assertThat(chunks).isGreaterThan(1);
        List<JsonObject> requests = extractionRequests();
        assertThat(requests).hasSize(chunks);
        JsonObject request = requests.get(0);
        assertThat(request.getJsonObject("response_format").getString("type")).isEqualTo("json_schema");
        JsonObject schema = request.getJsonObject("response_format").getJsonObject("json_schema");
        assertThat(schema.getBoolean("strict")).isTrue();
        assertThat(schema.getJsonObject("schema").getJsonObject("properties").keySet()).containsExactly("entities", "relationships");
        String system = request.getJsonArray("messages").getJsonObject(0).getString("content");
        assertThat(system).contains("person", "organization", "location", "product", "concept", "api_endpoint", "other");
        assertThat(FakeExtraction.chunk(request)).startsWith("Paragraph 0");
        assertThat(request.getJsonNumber("temperature").doubleValue()).isZero();

        assertThat(server.column("SELECT count(*) || ' ' || sum(prompt_tokens) || ' ' || sum(completion_tokens) || ' ' "
                + "|| string_agg(DISTINCT provider_name || '/' || model, ',') || ' ' || count(error_code) FROM ai.usage_ledger "
                + "WHERE knowledge_base_id = cast(? AS uuid) AND outcome = 'extraction'", kb))
                .containsExactly(chunks + " " + chunks * FakeExtraction.PROMPT_TOKENS + " " + chunks * FakeExtraction.COMPLETION_TOKENS
                        + " config/" + FluxbaseServer.LLM_MODEL + " 0");
        JsonObject after = usageTotals();
        assertThat(after.getInt("prompt_tokens") - before.getInt("prompt_tokens")).isEqualTo(chunks * FakeExtraction.PROMPT_TOKENS);
        assertThat(after.getInt("completion_tokens") - before.getInt("completion_tokens")).isEqualTo(chunks * FakeExtraction.COMPLETION_TOKENS);
        assertThat(after.getInt("requests") - before.getInt("requests")).isEqualTo(chunks);
    }

    @Test
    void anAnswerThatIsNotJsonKeepsTheDocumentIndexedAndSaysWhy() {
        llm.respondWith(FakeExtraction.responder(chunk -> chunk.startsWith("Oslo")
                ? "Sure! The entities are Oslo and Norway." : FakeExtraction.entities("Bergen", "location")));
        String kb = graphApi.createExtractingKnowledgeBase("garbled");

        String document = api.addDocument(kb, "Two cities", "Oslo is a city.\n\n" + "Bergen is rainy. ".repeat(40));
        JsonObject indexed = api.awaitStatus(kb, document, "indexed");

        assertThat(indexed.getInt("chunk_count")).isGreaterThan(1);
        assertThat(indexed.getString("error_message")).startsWith("Entity extraction failed for 1 of " + indexed.getInt("chunk_count") + " chunks");
        assertThat(graphApi.canonicalNames(kb)).containsExactly("bergen");
        assertThat(search(kb, "Bergen rainy")).isNotEmpty();
        assertThat(server.column("SELECT error_code || ' ' || prompt_tokens FROM ai.usage_ledger WHERE knowledge_base_id = cast(? AS uuid) "
                + "AND error_code IS NOT NULL", kb)).containsExactly("EXTRACTION_INVALID " + FakeExtraction.PROMPT_TOKENS);
    }

    @Test
    void aProviderThatFailsKeepsTheDocumentIndexedAndSaysWhy() {
        llm.respondWith(request -> FakeExtraction.isExtraction(request)
                ? Reply.httpError(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}") : null);
        String kb = graphApi.createExtractingKnowledgeBase("down");

        String document = api.addDocument(kb, "Trip", "We flew to Oslo.");
        JsonObject indexed = api.awaitStatus(kb, document, "indexed");

        assertThat(indexed.getString("error_message")).startsWith("Entity extraction stopped at chunk 1 of 1: PROVIDER_ERROR");
        assertThat(indexed.getString("error_message")).doesNotContain(FluxbaseServer.LLM_API_KEY);
        assertThat(indexed.getInt("chunk_count")).isEqualTo(1);
        assertThat(search(kb, "flew to Oslo")).isNotEmpty();
        assertThat(graphApi.entities(kb, null)).isEmpty();
        assertThat(server.column("SELECT DISTINCT error_code FROM ai.usage_ledger WHERE knowledge_base_id = cast(? AS uuid)", kb))
                .containsExactly("PROVIDER_ERROR");

        String named = api.call("POST", BASE, "{\"name\":\"named\",\"entity_extraction\":true,\"extraction_provider\":\"nope\"}").json().getString("id");
        JsonObject unprovided = api.awaitStatus(named, api.addDocument(named, "Trip", "We flew to Oslo."), "indexed");
        assertThat(unprovided.getString("error_message")).contains("NO_PROVIDER", "No enabled AI provider named 'nope'");
    }

    @Test
    void aServerThatRefusesTheSchemaIsAskedAgainWithoutIt() {
        llm.respondWith(request -> !FakeExtraction.isExtraction(request) ? null : request.containsKey("response_format")
                ? Reply.httpError(400, "{\"error\":{\"message\":\"response_format is not supported\",\"type\":\"invalid_request_error\"}}")
                : Reply.text(FakeExtraction.entities("Oslo", "location")));
        String kb = graphApi.createExtractingKnowledgeBase("older");

        JsonObject indexed = api.awaitStatus(kb, api.addDocument(kb, "Trip", "We flew to Oslo."), "indexed");

        assertThat(indexed.containsKey("error_message")).isFalse();
        assertThat(graphApi.canonicalNames(kb)).containsExactly("oslo");
        assertThat(extractionRequests()).extracting(r -> r.containsKey("response_format")).containsExactly(true, false);
    }

    @Test
    void spellingsOfOneNameAreOneEntityAcrossChunksAndDocuments() {
        llm.respondWith(FakeExtraction.responder(spelledAsInTheChunk()));
        String kb = graphApi.createExtractingKnowledgeBase("spellings");

        String first = api.readyDocument(kb, "First", "Spelling ACME Corp. here.\n\n" + "Filler words about nothing. ".repeat(30)
                + "\n\nSpelling Acme Corp here.");
        api.readyDocument(kb, "Second", "Spelling acme  CORP here.");

        assertThat(api.get(BASE + "/" + kb + "/documents/" + first).json().getInt("chunk_count")).isGreaterThan(2);
        List<JsonObject> entities = graphApi.entities(kb, null);
        assertThat(entities).extracting(e -> e.getString("canonical_name")).containsExactly("acme corp");
        JsonObject acme = entities.get(0);
        assertThat(acme.getString("entity_type")).isEqualTo("organization");
        assertThat(acme.getString("name")).isEqualTo("ACME Corp.");
        assertThat(acme.getJsonArray("aliases").getValuesAs(JsonString::getString)).containsExactlyInAnyOrder("Acme Corp", "acme CORP");
        assertThat(acme.getInt("document_count")).isEqualTo(2);
        assertThat(acme.getInt("mention_count")).isEqualTo(3);
    }

    @Test
    void deletingADocumentRemovesItsMentionsAndTheEntitiesNoOtherDocumentMentions() {
        llm.respondWith(FakeExtraction.responder(namesInTheChunk()));
        String kb = graphApi.createExtractingKnowledgeBase("orphans");
        String first = api.readyDocument(kb, "First", "Names: Alpha, Beta.");
        String second = api.readyDocument(kb, "Second", "Names: Beta, Gamma.");
        assertThat(graphApi.canonicalNames(kb)).containsExactly("alpha", "beta", "gamma");
        assertThat(graphApi.graph(kb).json().getInt("relationship_count")).isEqualTo(2);

        assertThat(api.call("DELETE", BASE + "/" + kb + "/documents/" + first, null).status()).isEqualTo(204);

        assertThat(graphApi.canonicalNames(kb)).containsExactly("beta", "gamma");
        assertThat(graphApi.entityNamed(kb, "beta").getInt("document_count")).isEqualTo(1);
        assertThat(graphApi.graph(kb).json().getJsonArray("relationships").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonObject("source_entity").getString("name") + ">" + r.getJsonObject("target_entity").getString("name"))
                .containsExactly("Beta>Gamma");
        assertThat(server.column("SELECT count(*) FROM ai.entity_mentions WHERE document_id = cast(? AS uuid)", first)).containsExactly("0");

        assertThat(api.call("PATCH", BASE + "/" + kb + "/documents/" + second, "{\"tags\":[\"old\"]}").status()).isEqualTo(200);
        assertThat(api.call("POST", BASE + "/" + kb + "/documents/delete-by-filter", "{\"tags\":[\"old\"]}").json().getInt("deleted_count"))
                .isEqualTo(1);
        assertThat(graphApi.entities(kb, null)).as("after %s went too", second).isEmpty();
        assertThat(graphApi.graph(kb).json().getInt("relationship_count")).isZero();
    }

    @Test
    void replacingADocumentReExtractsItAndKeepsTheIdsOfEntitiesItStillMentions() {
        llm.respondWith(FakeExtraction.responder(namesInTheChunk()));
        String kb = graphApi.createExtractingKnowledgeBase("replaced");
        String document = addFromSource(kb, "Names: Alpha, Beta.");
        api.awaitStatus(kb, document, "indexed");
        String beta = graphApi.entityNamed(kb, "beta").getString("id");

        assertThat(addFromSource(kb, "Names: Beta, Delta.")).isEqualTo(document);
        api.awaitStatus(kb, document, "indexed");

        assertThat(graphApi.canonicalNames(kb)).containsExactly("beta", "delta");
        assertThat(graphApi.entityNamed(kb, "beta").getString("id")).isEqualTo(beta);
        assertThat(graphApi.graph(kb).json().getJsonArray("relationships").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("relationship_type")).containsExactly("listed_with");
    }

    @Test
    void graphRetrievalRanksAChunkThatNamesTheQuestionsEntityAboveAnEquallySimilarOne() {
        llm.respondWith(FakeExtraction.responder(chunk -> chunk.startsWith("Zephyr")
                ? FakeExtraction.answer(List.of(entity("Zephyr 9", "product", "Z9")), List.of()) : FakeExtraction.entities()));
        String kb = graphApi.createExtractingKnowledgeBase("retrieval");
        api.readyDocument(kb, "Zephyr", "Zephyr 9 shelter notes: pitch it in wind.");
        api.readyDocument(kb, "Yellow", "Yellow 8 shelter notes: pitch it in wind.");
        String question = "Where are the Z9 shelter notes?";
        List<JsonObject> vectorOnly = search(kb, question, false, 2);
        double similarity = vectorOnly.get(0).getJsonNumber("similarity").doubleValue();
        assertThat(vectorOnly.get(1).getJsonNumber("similarity").doubleValue()).as("a tie for vector search").isCloseTo(similarity, within(1e-6));

        List<JsonObject> assisted = search(kb, question, true, 1);

        assertThat(assisted).extracting(hit -> hit.getString("document_title")).containsExactly("Zephyr");
        assertThat(assisted.get(0).getJsonNumber("similarity").doubleValue()).as("the real similarity").isCloseTo(similarity, within(1e-6));
        assertThat(search(kb, "Where are the shelter notes?", true, 2)).as("no entity named: vector search alone").hasSize(2);
    }

    private String addFromSource(String kb, String content) {
        ApiResponse response = api.call("POST", BASE + "/" + kb + "/documents", Json.createObjectBuilder().add("title", "Names")
                .add("content", content).add("source", "names.txt").build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().getString("document_id");
    }

    /** The organisation of "Spelling X here." as the chunk spells it. */
    private static Function<String, String> spelledAsInTheChunk() {
        return chunk -> {
            int start = chunk.indexOf("Spelling ");
            return start < 0 ? FakeExtraction.entities()
                    : FakeExtraction.entities(chunk.substring(start + 9, chunk.indexOf(" here", start)), "organization");
        };
    }

    /** The concepts of "Names: A, B." with A listed_with B. */
    private static Function<String, String> namesInTheChunk() {
        return chunk -> {
            List<String> names = List.of(chunk.substring(chunk.indexOf(':') + 1, chunk.indexOf('.')).split(",")).stream().map(String::strip).toList();
            return FakeExtraction.answer(names.stream().map(name -> entity(name, "concept")).toList(),
                    List.of(FakeExtraction.relationship(names.get(0), names.get(1), "listed_with", 0.9)));
        };
    }

    private List<JsonObject> extractionRequests() {
        return llm.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).map(RecordedRequest::json)
                .filter(FakeExtraction::isExtraction).toList();
    }

    private JsonObject usageTotals() {
        return api.get("/api/v1/admin/ai/usage").json().getJsonObject("totals");
    }

    private List<JsonObject> search(String kb, String query) {
        return search(kb, query, false, 5);
    }

    private List<JsonObject> search(String kb, String query, boolean useGraph, int maxChunks) {
        ApiResponse response = api.call("POST", BASE + "/" + kb + "/search", Json.createObjectBuilder().add("query", query)
                .add("max_chunks", maxChunks).add("threshold", -1).add("use_graph", useGraph).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().getString("mode")).isEqualTo(useGraph ? "semantic+graph" : "semantic");
        return response.array("results").getValuesAs(JsonObject.class);
    }

    private static String paragraphs(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Paragraph ").append(i).append(": ").append("Oslo has fjords and long summer evenings. ".repeat(8)).append("\n\n");
        }
        return text.toString();
    }
}
