package dev.fluxbase.ai.knowledge.tables.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.knowledge.boundary.KnowledgeApi;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The SDK's kb-tables calls with the service key, and the fixture schema they export (made anew per test). */
final class TableExportApi {

    static final String TABLES = "/api/v1/admin/ai/tables";

    private final ServerUnderTest server;
    private final KnowledgeApi knowledge;

    TableExportApi(ServerUnderTest server) {
        this.server = server;
        this.knowledge = new KnowledgeApi(server);
    }

    KnowledgeApi knowledge() {
        return knowledge;
    }

    void resetFixture() {
        try (InputStream script = TableExportApi.class.getResourceAsStream("/knowledge/table-export-fixture.sql");
                Connection connection = server.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SQLException e) {
            throw new AssertionError("could not create the table-export fixture", e);
        }
    }

    /** The server's login role, which exports must never run as. */
    String loginRole() {
        return server.database().user();
    }

    ApiResponse details(String schema, String table) {
        return knowledge.get(TABLES + "/" + schema + "/" + table);
    }

    ApiResponse export(String kb, String body) {
        return knowledge.call("POST", BASE + "/" + kb + "/tables/export", body);
    }

    JsonObject exported(String kb, String body) {
        ApiResponse response = export(kb, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    ApiResponse syncs(String kb, String method, String path, String body) {
        return knowledge.call(method, BASE + "/" + kb + "/sync-configs" + path, body);
    }

    JsonObject document(String kb, String document) {
        return knowledge.get(BASE + "/" + kb + "/documents/" + document).json();
    }

    /** Embedding requests so far that embedded text of the fixture's tables. */
    long embeddingsOfFixture() {
        return server.llm().requests().stream().filter(request -> request.path().endsWith("/embeddings"))
                .map(RecordedRequest::body).filter(body -> body.contains("export_fixture")).count();
    }
}
