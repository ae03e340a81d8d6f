package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.knowledge.control.TestPdf;
import dev.fluxbase.ai.it.support.FakeLlmServer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Knowledge bases and documents through the SDK's admin.ai calls, with embeddings from the fake provider. */
@ExtendWith(FluxbaseServer.class)
class KnowledgeBasesIT {

    private ServerUnderTest server;
    private KnowledgeApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    @Test
    void capabilitiesListTheReadableFileTypes() {
        ApiResponse response = api.get(BASE + "/capabilities");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getBoolean("ocr_enabled")).isFalse();
        assertThat(response.json().getBoolean("ocr_available")).isFalse();
        assertThat(response.json().getJsonArray("ocr_languages")).isEmpty();
        assertThat(response.array("supported_file_types").getValuesAs(JsonString::getString)).contains(".txt", ".md", ".html", ".pdf");
    }

    @Test
    void onlyAdministratorsMayUseTheApi() {
        ApiResponse anonymous = server.call("GET", BASE, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().getString("code")).isEqualTo("AUTH_REQUIRED");
        ApiResponse user = server.call("POST", BASE, server.tokens().userToken("user-1"), "{\"name\":\"kb\"}");
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().getString("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void knowledgeBasesAreCreatedListedChangedAndDeleted() {
        JsonObject created = api.createKnowledgeBase("handbook");
        assertThat(created.getString("namespace")).isEqualTo("default");
        assertThat(created.getString("embedding_model")).isEqualTo(FluxbaseServer.EMBEDDING_MODEL);
        assertThat(created.getInt("embedding_dimensions")).isEqualTo(FluxbaseServer.EMBEDDING_DIMENSIONS);
        assertThat(created.getInt("chunk_size")).isEqualTo(64);
        assertThat(created.getBoolean("enabled")).isTrue();
        assertThat(created.getInt("document_count")).isZero();
        String id = created.getString("id");
        assertThat(indexValidity(id)).containsExactly("true");
        assertThat(server.column("SELECT indexdef FROM pg_indexes WHERE indexname = ?", indexName(id)).get(0))
                .contains("USING hnsw", "vector_cosine_ops", "(embedding)::vector(" + FluxbaseServer.EMBEDDING_DIMENSIONS + ")", id);

        ApiResponse listed = api.get(BASE);
        assertThat(listed.json().getInt("count")).isEqualTo(1);
        assertThat(listed.array("knowledge_bases").getJsonObject(0).getString("id")).isEqualTo(id);
        assertThat(api.get(BASE + "?namespace=other").json().getInt("count")).isZero();

        ApiResponse updated = api.call("PUT", BASE + "/" + id, "{\"description\":\"HR rules\",\"enabled\":false}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("description")).isEqualTo("HR rules");
        assertThat(updated.json().getBoolean("enabled")).isFalse();
        assertThat(api.get(BASE + "/" + id).json().getString("description")).isEqualTo("HR rules");

        assertThat(api.call("DELETE", BASE + "/" + id, null).status()).isEqualTo(204);
        assertThat(api.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(server.column("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'chunks_hnsw_%'")).isEmpty();
        assertThat(indexValidity(id)).isEmpty();
    }

    @Test
    void anIndexLeftInvalidByAFailedBuildIsRebuilt() throws Exception {
        String kb = api.createKnowledgeBase("repaired").getString("id");
        api.readyDocument(kb, "Refunds", "Refunds take ten days.\n\n".repeat(40));
        try (Connection connection = server.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX ai." + indexName(kb));
            // A concurrent build that fails half-way (here: duplicate keys) leaves an invalid index with the name behind.
            assertThatThrownBy(() -> statement.execute("CREATE UNIQUE INDEX CONCURRENTLY " + indexName(kb)
                    + " ON ai.chunks (knowledge_base_id) WHERE knowledge_base_id = '" + kb + "'")).isInstanceOf(SQLException.class);
        }
        assertThat(indexValidity(kb)).containsExactly("false");

        JsonObject jobs = server.runJobs().getJsonObject("jobs");

        assertThat(jobs.getInt("knowledge-index-repair")).isEqualTo(1);
        assertThat(indexValidity(kb)).containsExactly("true");
        assertThat(server.column("SELECT indexdef FROM pg_indexes WHERE indexname = ?", indexName(kb)).get(0)).contains("USING hnsw");
        assertThat(server.runJobs().getJsonObject("jobs").getInt("knowledge-index-repair")).isZero();
        ApiResponse found = api.call("POST", BASE + "/" + kb + "/search", "{\"query\":\"refunds\",\"max_chunks\":2,\"threshold\":-1}");
        assertThat(found.json().getInt("count")).isEqualTo(2);
    }

    private List<String> indexValidity(String knowledgeBase) {
        return server.column("SELECT i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ?",
                indexName(knowledgeBase));
    }

    private static String indexName(String knowledgeBase) {
        return "chunks_hnsw_" + knowledgeBase.replace("-", "");
    }

    @Test
    void badRequestsAndUnknownIdsAreRefused() {
        api.createKnowledgeBase("dup");
        assertThat(api.call("POST", BASE, "{\"name\":\"dup\"}").status()).isEqualTo(409);
        assertThat(api.call("POST", BASE, "{\"description\":\"no name\"}").status()).isEqualTo(400);
        assertThat(api.call("POST", BASE, "{\"name\":\"x\",\"chunk_size\":10,\"chunk_overlap\":20}").status()).isEqualTo(400);
        assertThat(api.call("POST", BASE, "not json").status()).isEqualTo(400);
        ApiResponse missing = api.get(BASE + "/00000000-0000-0000-0000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().getString("code")).isEqualTo("KNOWLEDGE_BASE_NOT_FOUND");
        assertThat(api.get(BASE + "/not-a-uuid/documents").status()).isEqualTo(404);
        assertThat(api.call("PUT", BASE + "/not-a-uuid", "{}").status()).isEqualTo(404);
        assertThat(api.call("DELETE", BASE + "/not-a-uuid", null).status()).isEqualTo(404);
    }

    @Test
    void documentsAreChunkedEmbeddedAndManaged() {
        String kb = api.createKnowledgeBase("docs").getString("id");
        String text = "Vacation policy. Employees get thirty days of paid vacation every year.\n\n".repeat(10);
        ApiResponse added = api.call("POST", BASE + "/" + kb + "/documents",
                "{\"title\":\"Vacation\",\"content\":\"" + text.replace("\n", "\\n") + "\",\"metadata\":{\"team\":\"hr\"}}");
        assertThat(added.status()).isEqualTo(202);
        assertThat(added.json().getString("status")).isEqualTo("pending");
        String doc = added.json().getString("document_id");

        JsonObject ready = api.awaitStatus(kb, doc, "indexed");
        assertThat(ready.getInt("chunk_count")).isGreaterThan(1).isEqualTo(ready.getInt("chunks_count"));
        assertThat(ready.getString("title")).isEqualTo("Vacation");
        assertThat(ready.getJsonObject("metadata").getString("team")).isEqualTo("hr");
        assertThat(server.column("SELECT max(length(content))::text FROM ai.chunks WHERE document_id = ?::uuid", doc).get(0))
                .satisfies(max -> assertThat(Integer.parseInt(max)).isLessThanOrEqualTo(64 * 4));
        assertThat(api.get(BASE + "/" + kb).json().getInt("total_chunks")).isEqualTo(ready.getInt("chunk_count"));

        ApiResponse patched = api.call("PATCH", BASE + "/" + kb + "/documents/" + doc,
                "{\"title\":\"Holidays\",\"tags\":[\"hr\",\"policy\"],\"metadata\":{\"year\":\"2026\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().getString("title")).isEqualTo("Holidays");
        assertThat(patched.json().getJsonArray("tags")).hasSize(2);
        assertThat(patched.json().getJsonObject("metadata").keySet()).containsExactly("year");

        ApiResponse listed = api.get(BASE + "/" + kb + "/documents");
        assertThat(listed.json().getInt("count")).isEqualTo(1);
        assertThat(listed.array("documents").getJsonObject(0).getString("id")).isEqualTo(doc);

        assertThat(api.call("DELETE", BASE + "/" + kb + "/documents/" + doc, null).status()).isEqualTo(204);
        assertThat(api.get(BASE + "/" + kb + "/documents/" + doc).status()).isEqualTo(404);
        assertThat(server.column("SELECT count(*)::text FROM ai.chunks WHERE document_id = ?::uuid", doc)).containsExactly("0");
    }

    @Test
    void badDocumentsAreRefused() {
        String kb = api.createKnowledgeBase("strict").getString("id");
        assertThat(api.call("POST", BASE + "/" + kb + "/documents", "{\"title\":\"empty\"}").status()).isEqualTo(400);
        assertThat(api.call("POST", BASE + "/" + kb + "/documents", "{\"content\":\"x\",\"metadata\":[1]}").status()).isEqualTo(400);
        assertThat(api.call("POST", BASE + "/00000000-0000-0000-0000-000000000000/documents", "{\"content\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.call("PATCH", BASE + "/" + kb + "/documents/00000000-0000-0000-0000-000000000000", "{}").status()).isEqualTo(404);
        assertThat(api.call("POST", BASE + "/" + kb + "/documents/delete-by-filter", "{}").status()).isEqualTo(400);
    }

    @Test
    void aDocumentTheEmbeddingServiceRefusesFailsWithTheReason() {
        String kb = api.createKnowledgeBase("fails").getString("id");
        server.llm().requireApiKey("another-key");
        try {
            String doc = api.addDocument(kb, "Doomed", "Some text.");
            JsonObject failed = api.awaitStatus(kb, doc, "failed");
            assertThat(failed.getString("error_message")).contains("HTTP 401");
            assertThat(failed.getInt("chunk_count")).isZero();
            ApiResponse search = api.call("POST", BASE + "/" + kb + "/search", "{\"query\":\"text\"}");
            assertThat(search.status()).isEqualTo(502);
            assertThat(search.json().getString("code")).isEqualTo("EMBEDDING_FAILED");
        } finally {
            server.llm().requireApiKey(null);
        }
    }

    @Test
    void reAddingASourceReplacesItsChunks() {
        String kb = api.createKnowledgeBase("replace").getString("id");
        String first = api.call("POST", BASE + "/" + kb + "/documents", "{\"content\":\"Old text about apples.\",\"source\":\"fruit.txt\"}")
                .json().getString("document_id");
        api.awaitStatus(kb, first, "indexed");
        String second = api.call("POST", BASE + "/" + kb + "/documents", "{\"content\":\"New text about pears.\",\"source\":\"fruit.txt\"}")
                .json().getString("document_id");
        assertThat(second).isEqualTo(first);
        api.awaitStatus(kb, first, "indexed");
        assertThat(server.column("SELECT content FROM ai.chunks WHERE document_id = ?::uuid", first)).containsExactly("New text about pears.");
    }

    @Test
    void documentsAreDeletedByTagsAndMetadata() {
        String kb = api.createKnowledgeBase("filter").getString("id");
        String keep = api.readyDocument(kb, "keep", "Keep me.");
        String drop = api.readyDocument(kb, "drop", "Drop me.");
        api.call("PATCH", BASE + "/" + kb + "/documents/" + drop, "{\"tags\":[\"old\",\"draft\"],\"metadata\":{\"team\":\"a\"}}");
        api.call("PATCH", BASE + "/" + kb + "/documents/" + keep, "{\"tags\":[\"old\"],\"metadata\":{\"team\":\"a\"}}");
        ApiResponse deleted = api.call("POST", BASE + "/" + kb + "/documents/delete-by-filter", "{\"tags\":[\"old\",\"draft\"],\"metadata\":{\"team\":\"a\"}}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().getInt("deleted_count")).isEqualTo(1);
        assertThat(api.get(BASE + "/" + kb + "/documents").array("documents").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("id")).containsExactly(keep);
    }

    /** Fluxbase's metadata_filter: conditions with operators, AND/OR, nested groups; numbers compared as numbers. */
    @Test
    void deleteByFilterHonoursMetadataFilter() {
        String kb = api.createKnowledgeBase("filtered").getString("id");
        Map<String, String> metadata = Map.of(
                "v2-a", "{\"version\":2,\"team\":\"a\",\"owner\":\"ann\"}",
                "v10-a", "{\"version\":10,\"team\":\"a\"}",
                "v9-b", "{\"version\":9,\"team\":\"b\"}",
                "draft", "{\"team\":\"c\",\"status\":\"Draft-1\"}");
        Map<String, String> ids = new TreeMap<>();
        metadata.forEach((name, json) -> {
            String id = api.readyDocument(kb, name, "Document " + name + ".");
            api.call("PATCH", BASE + "/" + kb + "/documents/" + id, "{\"metadata\":" + json + "}");
            ids.put(name, id);
        });

        ApiResponse numeric = deleteByFilter(kb, "{\"logical_op\":\"AND\",\"conditions\":[{\"key\":\"version\",\"operator\":\">\",\"value\":9},"
                + "{\"key\":\"team\",\"operator\":\"IN\",\"values\":[\"a\",\"b\"]}]}");
        assertThat(numeric.status()).as(numeric.toString()).isEqualTo(200);
        assertThat(numeric.json().getInt("deleted_count")).as("10 > 9 as numbers, though \"10\" < \"9\" as text").isEqualTo(1);
        assertThat(remaining(kb)).doesNotContain(ids.get("v10-a")).hasSize(3);

        ApiResponse nested = deleteByFilter(kb, "{\"logical_op\":\"OR\",\"conditions\":[{\"key\":\"status\",\"operator\":\"ILIKE\",\"value\":\"draft%\"}],"
                + "\"groups\":[{\"logical_op\":\"AND\",\"conditions\":[{\"key\":\"owner\",\"operator\":\"IS NOT NULL\"},"
                + "{\"key\":\"version\",\"operator\":\"BETWEEN\",\"min\":1,\"max\":3}]}]}");
        assertThat(nested.json().getInt("deleted_count")).isEqualTo(2);
        assertThat(remaining(kb)).containsExactly(ids.get("v9-b"));

        ApiResponse injection = deleteByFilter(kb, "{\"conditions\":[{\"key\":\"team') OR true OR ('\",\"operator\":\"=\",\"value\":\"x\"}]}");
        assertThat(injection.json().getInt("deleted_count")).as("keys are bound, never spliced").isZero();
        ApiResponse bad = deleteByFilter(kb, "{\"conditions\":[{\"key\":\"team\",\"operator\":\"SOUNDS LIKE\",\"value\":\"x\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).contains("unsupported operator 'SOUNDS LIKE'");
        assertThat(remaining(kb)).containsExactly(ids.get("v9-b"));
    }

    private ApiResponse deleteByFilter(String kb, String metadataFilter) {
        return api.call("POST", BASE + "/" + kb + "/documents/delete-by-filter", "{\"metadata_filter\":" + metadataFilter + "}");
    }

    private List<String> remaining(String kb) {
        return api.get(BASE + "/" + kb + "/documents").array("documents").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("id")).toList();
    }

    @Test
    void searchRanksChunksBySimilarity() {
        String kb = api.createKnowledgeBase("search").getString("id");
        String vacation = api.readyDocument(kb, "Vacation", "Employees receive thirty days of paid vacation every year.");
        api.readyDocument(kb, "Parking", "The office parking garage opens at seven in the morning.");
        api.readyDocument(kb, "Expenses", "Travel expenses are reimbursed within thirty days of a claim.");

        ApiResponse response = api.call("POST", BASE + "/" + kb + "/search",
                "{\"query\":\"how many days of paid vacation do employees receive\",\"max_chunks\":2,\"threshold\":0.05}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject body = response.json();
        assertThat(body.getString("query")).isEqualTo("how many days of paid vacation do employees receive");
        List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(body.getInt("count")).isEqualTo(results.size()).isEqualTo(2);
        JsonObject best = results.get(0);
        assertThat(best.getString("document_id")).isEqualTo(vacation);
        assertThat(best.getString("document_title")).isEqualTo("Vacation");
        assertThat(best.getString("knowledge_base_name")).isEqualTo("search");
        assertThat(best.getString("content")).contains("thirty days of paid vacation");
        assertThat(best.containsKey("chunk_id")).isTrue();
        assertThat(best.getJsonObject("metadata")).isNotNull();
        List<Double> similarities = results.stream().map(r -> r.getJsonNumber("similarity")).map(JsonNumber::doubleValue).toList();
        assertThat(similarities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(similarities.get(0)).isBetween(0.3, 1.0);

        ApiResponse strict = api.call("POST", BASE + "/" + kb + "/search", "{\"query\":\"quantum chromodynamics lattice\",\"threshold\":0.5}");
        assertThat(strict.json().getInt("count")).isZero();
        assertThat(api.call("POST", BASE + "/" + kb + "/search", "{\"max_chunks\":3}").status()).isEqualTo(400);
        assertThat(api.call("POST", BASE + "/" + kb + "/search", "{\"query\":\"x\",\"max_chunks\":0}").status()).isEqualTo(400);
    }

    @Test
    void aSearchFilteredToOneKnowledgeBaseStillFillsMaxChunksThroughItsOwnIndex() throws Exception {
        String many = api.createKnowledgeBase("many").getString("id");
        String few = api.createKnowledgeBase("few").getString("id");
        List<String> manyDocuments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            manyDocuments.add(api.addDocument(many, "m" + i, "Invoices are paid within thirty days, batch " + i + "."));
        }
        for (int i = 0; i < 3; i++) {
            api.readyDocument(few, "f" + i, "Invoices for team " + i + " go to accounting.");
        }
        manyDocuments.forEach(doc -> api.awaitStatus(many, doc, "indexed"));

        ApiResponse response = api.call("POST", BASE + "/" + few + "/search", "{\"query\":\"invoices\",\"max_chunks\":3,\"threshold\":-1}");
        assertThat(response.json().getInt("count")).isEqualTo(3);
        assertThat(response.array("results").getValuesAs(JsonObject.class)).allSatisfy(r -> assertThat(r.getString("knowledge_base_name")).isEqualTo("few"));

        StringBuilder vector = new StringBuilder("[");
        for (float value : FakeLlmServer.embed("invoices", FluxbaseServer.EMBEDDING_DIMENSIONS)) {
            vector.append(vector.length() == 1 ? "" : ",").append(value);
        }
        StringBuilder plan = new StringBuilder();
        try (Connection connection = server.jdbc(); Statement statement = connection.createStatement()) {
            // With so few rows a sort is cheaper; forbidding it shows the planner can match the partial index.
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_bitmapscan = off");
            statement.execute("SET enable_sort = off");
            try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT c.id FROM ai.chunks c WHERE c.knowledge_base_id = '" + few
                    + "' ORDER BY c.embedding::vector(384) <=> cast('" + vector + "]' AS vector(384)) LIMIT 3")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).contains("chunks_hnsw_" + few.replace("-", ""));
    }

    @Test
    void textMarkdownHtmlAndPdfFilesAreUploaded() {
        String kb = api.createKnowledgeBase("uploads").getString("id");
        record File(String name, String type, String content, String expected) {
        }
        for (File file : List.of(
                new File("notes.txt", "text/plain", "Plain notes about the kettle.", "Plain notes about the kettle."),
                new File("guide.md", "text/markdown", "# Guide\n\nMarkdown about **teapots**.", "Markdown about **teapots**."),
                new File("page.html", "text/html", "<html><head><title>t</title><script>var x;</script></head><body><p>Hello &amp; welcome"
                        + "</p><p>Cups</p></body></html>", "Hello & welcome\n\nCups"))) {
            ApiResponse response = api.upload(kb, file.name(), file.type(), file.content().getBytes(StandardCharsets.UTF_8), null);
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            assertThat(response.json().getString("filename")).isEqualTo(file.name());
            assertThat(response.json().getString("mime_type")).isEqualTo(file.type());
            JsonObject document = api.awaitStatus(kb, response.json().getString("document_id"), "indexed");
            assertThat(document.getString("content")).contains(file.expected()).doesNotContain("<p>", "var x");
            assertThat(document.getString("title")).isEqualTo(file.name());
        }
        ApiResponse pdf = api.upload(kb, "policy.pdf", "application/pdf", TestPdf.of("Refunds take ten days.", "Returns need a receipt."), null);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(202);
        assertThat(pdf.json().getString("mime_type")).isEqualTo("application/pdf");
        assertThat(api.awaitStatus(kb, pdf.json().getString("document_id"), "indexed").getString("content"))
                .isEqualTo("Refunds take ten days.\n\nReturns need a receipt.");
        assertThat(api.upload(kb, "broken.pdf", "application/pdf", "%PDF-nonsense".getBytes(StandardCharsets.UTF_8), null).status())
                .isEqualTo(400);
        ApiResponse titled = api.upload(kb, "blob", "text/plain", "Titled.".getBytes(StandardCharsets.UTF_8), "My title");
        assertThat(titled.status()).isEqualTo(202);
        api.awaitStatus(kb, titled.json().getString("document_id"), "indexed");
        assertThat(api.get(BASE + "/" + kb + "/documents/" + titled.json().getString("document_id")).json().getString("title")).isEqualTo("My title");
        assertThat(api.upload(kb, "image.png", "image/png", new byte[] {1, 2, 3}, null).status()).isEqualTo(400);
        // The SDK's upload of a Blob without a type: named "blob", application/octet-stream.
        ApiResponse untypedBlob = api.upload(kb, "blob", "application/octet-stream", "A blob about saucers.".getBytes(StandardCharsets.UTF_8), null);
        assertThat(untypedBlob.status()).as(untypedBlob.toString()).isEqualTo(202);
        assertThat(untypedBlob.json().getString("mime_type")).isEqualTo("text/plain");
        assertThat(api.awaitStatus(kb, untypedBlob.json().getString("document_id"), "indexed").getString("content")).isEqualTo("A blob about saucers.");
        ApiResponse untypedPdf = api.upload(kb, "blob", "application/octet-stream", TestPdf.of("Saucers are round."), null);
        assertThat(untypedPdf.json().getString("mime_type")).isEqualTo("application/pdf");
        assertThat(api.upload(kb, "blob", "application/octet-stream", new byte[] {1, 2, 3}, null).status()).isEqualTo(400);
        assertThat(api.upload(kb, "empty.txt", "text/plain", new byte[0], null).status()).isEqualTo(400);
    }
}
