package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in embedding model on a corpus written for this test (32 short documents of a fictional
 * outdoor-gear company, 32 questions phrased in other words): the right document must rank in the top 3
 * for at least 90 % of the questions, and unrelated questions must retrieve nothing above the defaults.
 */
@ExtendWith(FluxbaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalQualityIT {

    private static final double CHATBOT_DEFAULT_THRESHOLD = 0.7;

    private KnowledgeApi api;
    private JsonObject corpus;
    private String kb;
    private final Map<String, String> titles = new HashMap<>();

    @BeforeAll
    void loadCorpus(ServerUnderTest server) {
        api = new KnowledgeApi(server);
        api.deleteAll();
        corpus = read("/knowledge/retrieval-corpus.json");
        ApiResponse created = api.call("POST", BASE, Json.createObjectBuilder().add("name", "outdoor-handbook")
                .add("embedding_model", "all-MiniLM-L6-v2").build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getInt("embedding_dimensions")).isEqualTo(384);
        kb = created.json().getString("id");
        List<String> ids = new ArrayList<>();
        for (JsonObject document : corpus.getJsonArray("documents").getValuesAs(JsonObject.class)) {
            String id = api.addDocument(kb, document.getString("title"), document.getString("content"));
            ids.add(id);
            titles.put(id, document.getString("title"));
        }
        ids.forEach(id -> api.awaitStatus(kb, id, "indexed"));
    }

    @AfterAll
    void removeCorpus() {
        api.deleteAll();
    }

    @Test
    void theRightDocumentIsInTheTopThreeForAtLeastNinetyPercentOfQuestions() {
        List<JsonObject> questions = corpus.getJsonArray("questions").getValuesAs(JsonObject.class);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(30);
        assertThat(titles).hasSizeGreaterThanOrEqualTo(30);
        int inTopThree = 0;
        int first = 0;
        List<String> misses = new ArrayList<>();
        double lowestRightSimilarity = 1;
        for (JsonObject question : questions) {
            List<JsonObject> results = search(question.getString("question"), 3, -1);
            List<String> found = results.stream().map(r -> r.getString("document_title")).toList();
            String expected = question.getString("expect");
            assertThat(titles).containsValue(expected);
            if (found.contains(expected)) {
                inTopThree++;
                first += found.get(0).equals(expected) ? 1 : 0;
                lowestRightSimilarity = Math.min(lowestRightSimilarity,
                        results.get(found.indexOf(expected)).getJsonNumber("similarity").doubleValue());
            } else {
                misses.add(question.getString("question") + " -> " + found);
            }
        }
        double recall = (double) inTopThree / questions.size();
        System.out.printf("MEASURE retrieval quality, built-in model: top-3 %d/%d (%.1f %%), top-1 %d/%d, lowest similarity "
                + "of a right answer %.3f; misses %s%n", inTopThree, questions.size(), 100 * recall, first, questions.size(),
                lowestRightSimilarity, misses);
        assertThat(recall).as("top-3 hit rate; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void anUnrelatedQuestionRetrievesNothingAboveTheDefaultThresholds() {
        for (JsonString question : corpus.getJsonArray("unrelated").getValuesAs(JsonString.class)) {
            ApiResponse response = api.call("POST", BASE + "/" + kb + "/search",
                    Json.createObjectBuilder().add("query", question.getString()).build().toString());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().getInt("count")).as("search default threshold, %s: %s", question, response.body()).isZero();
            assertThat(search(question.getString(), 5, CHATBOT_DEFAULT_THRESHOLD)).as("chatbot default threshold").isEmpty();
        }
    }

    private List<JsonObject> search(String query, int maxChunks, double threshold) {
        ApiResponse response = api.call("POST", BASE + "/" + kb + "/search", Json.createObjectBuilder().add("query", query)
                .add("max_chunks", maxChunks).add("threshold", threshold).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.array("results").getValuesAs(JsonObject.class);
    }

    private static JsonObject read(String resource) {
        try (InputStream in = RetrievalQualityIT.class.getResourceAsStream(resource)) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
