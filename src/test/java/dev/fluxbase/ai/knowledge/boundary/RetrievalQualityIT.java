package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FakeExtraction;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * The same texts as sections of four long handbooks, chunked at the default chunk size, measure chunking:
 * the chunk holding the answer must rank first for 70 % of the questions and in the top 3 for 90 %, which
 * needs every chunk embedded whole (chunks sized at 4 characters per token and read up to 128 tokens
 * reached 56 % and 91 % of 4 chunks).
 */
@ExtendWith(FluxbaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalQualityIT {

    private static final double CHATBOT_DEFAULT_THRESHOLD = 0.7;
    private static final int HANDBOOK_SECTIONS = 8;

    private ServerUnderTest server;
    private KnowledgeApi api;
    private JsonObject corpus;
    private String kb;
    private String handbooks;
    private final Map<String, String> titles = new HashMap<>();

    @BeforeAll
    void loadCorpus(ServerUnderTest server) {
        this.server = server;
        api = new KnowledgeApi(server);
        api.deleteAll();
        server.llm().reset();
        // Extraction by rule, standing in for a model: capitalised multi-word names become concepts (see FakeExtraction).
        server.llm().respondWith(FakeExtraction.responder(FakeExtraction::capitalisedNames));
        corpus = read("/knowledge/retrieval-corpus.json");
        ApiResponse created = api.call("POST", BASE, extractingKnowledgeBase("outdoor-handbook"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getInt("embedding_dimensions")).isEqualTo(384);
        kb = created.json().getString("id");
        for (JsonObject document : corpus.getJsonArray("documents").getValuesAs(JsonObject.class)) {
            titles.put(indexedWithItsGraph(kb, document.getString("title"), document.getString("content")), document.getString("title"));
        }
        handbooks = handbooks();
    }

    /** The documents in order as sections of four handbooks of eight, in a knowledge base with the default chunking. */
    private String handbooks() {
        ApiResponse created = api.call("POST", BASE, extractingKnowledgeBase("outdoor-handbooks"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        List<JsonObject> documents = corpus.getJsonArray("documents").getValuesAs(JsonObject.class);
        for (int part = 0; part * HANDBOOK_SECTIONS < documents.size(); part++) {
            StringBuilder text = new StringBuilder();
            for (JsonObject section : documents.subList(part * HANDBOOK_SECTIONS, Math.min(documents.size(), (part + 1) * HANDBOOK_SECTIONS))) {
                text.append("## ").append(section.getString("title")).append("\n\n").append(section.getString("content")).append("\n\n");
            }
            indexedWithItsGraph(id, "Handbook part " + (part + 1), text.toString());
        }
        return id;
    }

    /**
     * One document at a time: 32 embedded at once by the built-in model keep the CPUs so busy that the fake provider's
     * extraction answers miss the test server's two-second deadline, and the graph would be measured without them.
     */
    private String indexedWithItsGraph(String knowledgeBase, String title, String content) {
        String id = api.addDocument(knowledgeBase, title, content);
        JsonObject document = api.awaitStatus(knowledgeBase, id, "indexed");
        assertThat(document.containsKey("error_message")).as("extraction of %s: %s", title, document).isFalse();
        return id;
    }

    private static String extractingKnowledgeBase(String name) {
        return Json.createObjectBuilder().add("name", name).add("embedding_model", "all-MiniLM-L6-v2").add("entity_extraction", true)
                .add("extraction_provider", "config").build().toString();
    }

    @AfterAll
    void removeCorpus() {
        server.llm().reset();
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
            List<JsonObject> results = search(kb, question.getString("question"), 3, -1);
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
    void inLongDocumentsTheChunkWithTheAnswerIsFirstForSeventyAndInTheTopThreeForNinetyPercentOfQuestions() {
        Map<String, String> contents = new HashMap<>();
        corpus.getJsonArray("documents").getValuesAs(JsonObject.class)
                .forEach(document -> contents.put(document.getString("title"), document.getString("content")));
        List<JsonObject> questions = corpus.getJsonArray("questions").getValuesAs(JsonObject.class);
        int inTopThree = 0;
        int first = 0;
        List<String> misses = new ArrayList<>();
        for (JsonObject question : questions) {
            String answer = contents.get(question.getString("expect"));
            List<String> found = search(handbooks, question.getString("question"), 3, -1).stream()
                    .map(r -> r.getString("content")).toList();
            int rank = rankOf(answer, found);
            inTopThree += rank >= 0 ? 1 : 0;
            first += rank == 0 ? 1 : 0;
            if (rank < 0) {
                misses.add(question.getString("expect"));
            }
        }
        int chunks = api.get(BASE + "/" + handbooks).json().getInt("total_chunks");
        double recall = (double) inTopThree / questions.size();
        System.out.printf("MEASURE retrieval quality, built-in model, %d handbooks in %d chunks: answer's chunk in the top 3 %d/%d "
                + "(%.1f %%), first %d/%d; misses %s%n", (questions.size() + HANDBOOK_SECTIONS - 1) / HANDBOOK_SECTIONS, chunks,
                inTopThree, questions.size(), 100 * recall, first, questions.size(), misses);
        assertThat(recall).as("top-3 hit rate of the answer's chunk; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
        assertThat((double) first / questions.size()).as("the answer's chunk first").isGreaterThanOrEqualTo(0.7);
    }

    /**
     * Graph-assisted retrieval (fluxbase.ai.knowledge.graph-retrieval) against vector search alone, on both knowledge
     * bases: it may not lose a right answer the vector search found, in first place or in the top 3.
     */
    @Test
    void graphAssistedRetrievalIsMeasuredAgainstVectorSearchAlone() {
        Map<String, String> contents = new HashMap<>();
        corpus.getJsonArray("documents").getValuesAs(JsonObject.class)
                .forEach(document -> contents.put(document.getString("title"), document.getString("content")));
        Rank byTitle = (question, hits) -> hits.stream().map(h -> h.getString("document_title")).toList().indexOf(question.getString("expect"));
        Rank byChunk = (question, hits) -> rankOf(contents.get(question.getString("expect")), hits.stream().map(h -> h.getString("content")).toList());
        for (String[] knowledgeBase : List.of(new String[] {kb, "32 documents"}, new String[] {handbooks, "4 handbooks"})) {
            Rank rank = knowledgeBase[0].equals(kb) ? byTitle : byChunk;
            Score vector = score(knowledgeBase[0], false, rank);
            Score graph = score(knowledgeBase[0], true, rank);
            System.out.printf("MEASURE graph retrieval, %s (%d entities, %d of %d questions name one): vector top-1 %d, top-3 %d; "
                    + "with graph top-1 %d, top-3 %d%n", knowledgeBase[1], entityNames(knowledgeBase[0]).size(), questionsNamingEntities(knowledgeBase[0]),
                    vector.questions(), vector.first(), vector.topThree(), graph.first(), graph.topThree());
            assertThat(graph.topThree()).as("top 3 with the graph, %s", knowledgeBase[1]).isGreaterThanOrEqualTo(vector.topThree());
            assertThat(graph.first()).as("first with the graph, %s", knowledgeBase[1]).isGreaterThanOrEqualTo(vector.first());
        }
    }

    /** Where the right answer is among the hits of a question, -1 when it is not. */
    private interface Rank {
        int of(JsonObject question, List<JsonObject> hits);
    }

    private record Score(int questions, int first, int topThree) {
    }

    private Score score(String knowledgeBase, boolean useGraph, Rank rank) {
        List<JsonObject> questions = corpus.getJsonArray("questions").getValuesAs(JsonObject.class);
        int first = 0;
        int topThree = 0;
        for (JsonObject question : questions) {
            int at = rank.of(question, search(knowledgeBase, question.getString("question"), 3, -1, useGraph));
            first += at == 0 ? 1 : 0;
            topThree += at >= 0 ? 1 : 0;
        }
        return new Score(questions.size(), first, topThree);
    }

    private List<String> entityNames(String knowledgeBase) {
        List<String> names = new ArrayList<>();
        for (JsonObject entity : api.get(BASE + "/" + knowledgeBase + "/entities?limit=10000").array("entities").getValuesAs(JsonObject.class)) {
            names.add(entity.getString("canonical_name"));
        }
        return names;
    }

    private long questionsNamingEntities(String knowledgeBase) {
        List<String> names = entityNames(knowledgeBase);
        return corpus.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> names.stream().anyMatch(name -> q.getString("question").toLowerCase(Locale.ROOT).contains(name))).count();
    }

    private static int rankOf(String answer, List<String> chunks) {
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).contains(answer)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anUnrelatedQuestionRetrievesNothingAboveTheDefaultThresholds() {
        for (JsonString question : corpus.getJsonArray("unrelated").getValuesAs(JsonString.class)) {
            ApiResponse response = api.call("POST", BASE + "/" + kb + "/search",
                    Json.createObjectBuilder().add("query", question.getString()).build().toString());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().getInt("count")).as("search default threshold, %s: %s", question, response.body()).isZero();
            assertThat(search(kb, question.getString(), 5, CHATBOT_DEFAULT_THRESHOLD)).as("chatbot default threshold").isEmpty();
        }
    }

    private List<JsonObject> search(String knowledgeBase, String query, int maxChunks, double threshold) {
        return search(knowledgeBase, query, maxChunks, threshold, null);
    }

    /** @param useGraph null for the server's default */
    private List<JsonObject> search(String knowledgeBase, String query, int maxChunks, double threshold, Boolean useGraph) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("query", query).add("max_chunks", maxChunks).add("threshold", threshold);
        if (useGraph != null) {
            body.add("use_graph", useGraph);
        }
        ApiResponse response = api.call("POST", BASE + "/" + knowledgeBase + "/search", body.build().toString());
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
