package dev.fluxbase.ai.knowledge.tables.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's getTableDetails and exportTable against a fixture schema, as the export role sees it. */
@ExtendWith(FluxbaseServer.class)
class TableExportIT {

    private ServerUnderTest server;
    private TableExportApi api;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new TableExportApi(server);
        api.knowledge().deleteAll();
        api.resetFixture();
    }

    @AfterEach
    void tearDown() {
        api.knowledge().deleteAll();
    }

    @Test
    void detailsDescribeColumnsKeysIndexesCommentsAndRowLevelSecurity() {
        ApiResponse response = api.details("export_fixture", "orders");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject table = response.json();
        assertThat(table.getString("schema")).isEqualTo("export_fixture");
        assertThat(table.getString("name")).isEqualTo("orders");
        assertThat(table.getString("type")).isEqualTo("table");
        assertThat(table.getBoolean("rls_enabled")).isTrue();
        assertThat(table.getString("comment")).isEqualTo("Orders placed in the web shop");
        assertThat(table.containsKey("row_estimate")).isTrue();
        assertThat(strings(table, "primary_key")).containsExactly("id");

        Map<String, JsonObject> columns = byName(table.getJsonArray("columns").getValuesAs(JsonObject.class));
        assertThat(columns.keySet()).containsExactly("id", "customer_id", "code", "owner", "amount", "updated_at");
        assertThat(columns.get("id").getBoolean("is_primary_key")).isTrue();
        assertThat(columns.get("id").getString("data_type")).isEqualTo("integer");
        assertThat(columns.get("id").getInt("position")).isEqualTo(1);
        assertThat(columns.get("customer_id").getBoolean("is_foreign_key")).isTrue();
        assertThat(columns.get("customer_id").getString("data_type")).isEqualTo("uuid");
        assertThat(columns.get("code").getBoolean("is_unique")).isTrue();
        assertThat(columns.get("code").getString("data_type")).isEqualTo("character varying");
        assertThat(columns.get("code").getInt("max_length")).isEqualTo(12);
        assertThat(columns.get("amount").getString("description")).isEqualTo("Gross amount invoiced in euros");
        assertThat(columns.get("amount").getBoolean("is_nullable")).isFalse();
        assertThat(columns.get("amount").getBoolean("is_unique")).isFalse();
        assertThat(columns.get("updated_at").getString("default_value")).isEqualTo("now()");
        assertThat(columns.get("updated_at").getString("data_type")).isEqualTo("timestamp with time zone");
        assertThat(columns.get("owner").containsKey("description")).isFalse();

        JsonObject foreignKey = table.getJsonArray("foreign_keys").getJsonObject(0);
        assertThat(foreignKey.getString("name")).isEqualTo("orders_customer_id_fkey");
        assertThat(foreignKey.getString("column_name")).isEqualTo("customer_id");
        assertThat(foreignKey.getString("referenced_schema")).isEqualTo("export_fixture");
        assertThat(foreignKey.getString("referenced_table")).isEqualTo("customers");
        assertThat(foreignKey.getString("referenced_column")).isEqualTo("id");
        assertThat(foreignKey.getString("on_delete")).isEqualTo("CASCADE");
        assertThat(foreignKey.getString("on_update")).isEqualTo("NO ACTION");

        Map<String, JsonObject> indexes = byName(table.getJsonArray("indexes").getValuesAs(JsonObject.class));
        assertThat(indexes.keySet()).containsExactlyInAnyOrder("orders_pkey", "orders_code_key", "orders_owner_idx");
        assertThat(indexes.get("orders_pkey").getBoolean("is_primary")).isTrue();
        assertThat(indexes.get("orders_code_key").getBoolean("is_unique")).isTrue();
        assertThat(strings(indexes.get("orders_owner_idx"), "columns")).containsExactly("owner", "lower(code::text)");
    }

    @Test
    void detailsListOnlyTheColumnsTheRoleMayRead() {
        JsonObject asDefault = api.details("export_fixture", "customers").json();
        JsonObject asReader = api.knowledge().get(TableExportApi.TABLES + "/export_fixture/customers?role=export_reader").json();

        assertThat(byName(asDefault.getJsonArray("columns").getValuesAs(JsonObject.class)).keySet()).containsExactly("id", "name");
        assertThat(byName(asReader.getJsonArray("columns").getValuesAs(JsonObject.class)).keySet()).containsExactly("id", "name", "email");
    }

    @Test
    void unknownTablesAndTablesTheRoleCannotReadAreNotFound() {
        assertNotFound(api.details("export_fixture", "no_such_table"));
        assertNotFound(api.details("export_fixture", "hidden"));
        assertNotFound(api.details("ai", "providers"));
        assertNotFound(api.details("pg_catalog", "pg_authid"));
        assertThat(api.knowledge().get(TableExportApi.TABLES + "/export_fixture/hidden?role=export_reader").status()).isEqualTo(200);
    }

    @Test
    void aRoleThatBypassesRowLevelSecurityIsRefused() throws SQLException {
        TestDatabase admin = server.database().asSuperuser().orElseThrow(() -> new AssertionError("payara/test.sh makes a superuser"));
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'export_bypasser') THEN "
                    + "CREATE ROLE export_bypasser NOLOGIN BYPASSRLS; END IF; END $$");
            statement.execute("GRANT export_bypasser TO " + api.loginRole());
        }
        ApiResponse refused = api.knowledge().get(TableExportApi.TABLES + "/export_fixture/orders?role=export_bypasser");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("EXPORT_ROLE_NOT_ALLOWED");
        assertThat(refused.json().getString("error")).contains("BYPASSRLS");
    }

    @Test
    void theLoginRoleAndRolesItIsNoMemberOfAreRefused() {
        for (String role : List.of(api.loginRole(), "export_outsider", "no_such_role")) {
            ApiResponse refused = api.knowledge().get(TableExportApi.TABLES + "/export_fixture/orders?role=" + role);
            assertThat(refused.status()).as(role).isEqualTo(400);
            assertThat(refused.json().getString("code")).isEqualTo("EXPORT_ROLE_NOT_ALLOWED");
        }
        String kb = api.knowledge().createKnowledgeBase("refused").getString("id");
        ApiResponse export = api.export(kb, "{\"schema\":\"export_fixture\",\"table\":\"orders\",\"role\":\"" + api.loginRole() + "\"}");
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.json().getString("error")).contains("login role");
        assertThat(api.knowledge().get(BASE + "/" + kb + "/documents").json().getInt("count")).isZero();
    }

    @Test
    void anExportIsADocumentSearchFindsWithTheTableInTheGraph() {
        String kb = api.knowledge().createKnowledgeBase("schema-docs").getString("id");

        JsonObject result = api.exported(kb, "{\"schema\":\"export_fixture\",\"table\":\"orders\",\"include_foreign_keys\":true,"
                + "\"include_indexes\":true}");

        String document = result.getString("document_id");
        assertThat(result.getString("entity_id")).isNotBlank();
        assertThat(result.getJsonArray("relationship_ids")).hasSize(1);
        JsonObject indexed = api.knowledge().awaitStatus(kb, document, "indexed");
        assertThat(indexed.getString("title")).isEqualTo("export_fixture.orders");
        assertThat(indexed.getString("source_url")).isEqualTo("table:export_fixture.orders");
        assertThat(indexed.getString("mime_type")).isEqualTo("text/markdown");
        assertThat(indexed.getString("content")).contains("## Foreign keys", "`export_fixture.customers`", "## Indexes", "orders_owner_idx")
                .doesNotContain("## Sample rows");

        ApiResponse found = api.knowledge().call("POST", BASE + "/" + kb + "/search",
                "{\"query\":\"gross amount invoiced in euros\",\"max_chunks\":1,\"threshold\":0}");
        JsonObject best = found.array("results").getJsonObject(0);
        assertThat(best.getString("document_id")).isEqualTo(document);
        assertThat(best.getString("content")).contains("Gross amount invoiced in euros");

        assertThat(server.column("SELECT name FROM ai.entities WHERE knowledge_base_id = ?::uuid AND entity_type = 'table' ORDER BY name", kb))
                .containsExactly("export_fixture.customers", "export_fixture.orders");
        assertThat(server.column("SELECT s.name || ' ' || r.relationship_type || ' ' || t.name FROM ai.entity_relationships r "
                + "JOIN ai.entities s ON s.id = r.source_entity_id JOIN ai.entities t ON t.id = r.target_entity_id WHERE r.id = ?::uuid",
                result.getJsonArray("relationship_ids").getString(0)))
                .containsExactly("export_fixture.orders foreign_key export_fixture.customers");
        assertThat(server.column("SELECT count(*)::text FROM ai.entity_mentions WHERE document_id = ?::uuid AND chunk_id IS NULL", document))
                .containsExactly("2");
    }

    @Test
    void aReExportReplacesTheDocumentAndAnUnchangedOneIsNotEmbeddedAgain() {
        String kb = api.knowledge().createKnowledgeBase("replaced").getString("id");
        String request = "{\"schema\":\"export_fixture\",\"table\":\"orders\"}";
        JsonObject first = api.exported(kb, request);
        api.knowledge().awaitStatus(kb, first.getString("document_id"), "indexed");
        long embeddings = api.embeddingsOfFixture();

        JsonObject unchanged = api.exported(kb, request);

        assertThat(unchanged.getString("document_id")).isEqualTo(first.getString("document_id"));
        assertThat(unchanged.getString("entity_id")).isEqualTo(first.getString("entity_id"));
        assertThat(unchanged.getBoolean("reindexed")).isFalse();
        assertThat(api.embeddingsOfFixture()).isEqualTo(embeddings);

        server.execute("COMMENT ON COLUMN export_fixture.orders.amount IS 'Net amount before value added tax'");
        JsonObject changed = api.exported(kb, request);

        assertThat(changed.getString("document_id")).isEqualTo(first.getString("document_id"));
        assertThat(changed.getBoolean("reindexed")).isTrue();
        String content = api.knowledge().awaitStatus(kb, changed.getString("document_id"), "indexed").getString("content");
        assertThat(content).contains("Net amount before value added tax").doesNotContain("Gross amount");
        assertThat(api.knowledge().get(BASE + "/" + kb + "/documents").json().getInt("count")).isEqualTo(1);
        assertThat(server.column("SELECT content FROM ai.chunks WHERE document_id = ?::uuid", changed.getString("document_id")))
                .noneMatch(chunk -> chunk.contains("Gross amount")).anyMatch(chunk -> chunk.contains("Net amount"));
        assertThat(api.embeddingsOfFixture()).isGreaterThan(embeddings);
    }

    @Test
    void sampleRowsAreTheRowsTheChosenRoleMaySee() {
        String kb = api.knowledge().createKnowledgeBase("samples").getString("id");
        String request = "{\"schema\":\"export_fixture\",\"table\":\"orders\",\"columns\":[\"code\",\"id\",\"owner\"],"
                + "\"include_sample_rows\":true,\"sample_row_count\":10%s}";

        String asDefault = content(kb, api.exported(kb, request.formatted("")));

        assertThat(asDefault).contains("## Sample rows", "| id | code | owner |", "| 1 | PUBLIC-ONE | everyone |", "| 2 | PUBLIC-TWO | everyone |")
                .doesNotContain("PRIVATE-3", "| amount |", "49.90");
        assertThat(server.column("SELECT count(*)::text FROM export_fixture.orders")).as("the login role sees every row").containsExactly("3");

        String asReader = content(kb, api.exported(kb, request.formatted(",\"role\":\"export_reader\"")));

        assertThat(asReader).contains("| 3 | PRIVATE-3 | alice |", "| 1 | PUBLIC-ONE | everyone |");
    }

    @Test
    void badExportRequestsAreRefused() {
        String kb = api.knowledge().createKnowledgeBase("bad").getString("id");

        assertRefused(api.export(kb, "{\"table\":\"orders\"}"), 400, "INVALID_REQUEST");
        assertRefused(api.export(kb, "{\"schema\":\"export_fixture\",\"table\":\"orders\",\"columns\":[\"nope\"]}"), 400, "COLUMN_NOT_FOUND");
        assertRefused(api.export(kb, "{\"schema\":\"export_fixture\",\"table\":\"customers\",\"columns\":[\"email\"]}"), 400, "COLUMN_NOT_FOUND");
        assertRefused(api.export(kb, "{\"schema\":\"export_fixture\",\"table\":\"orders\",\"include_sample_rows\":true,"
                + "\"sample_row_count\":101}"), 400, "INVALID_REQUEST");
        assertRefused(api.export(kb, "{\"schema\":\"export_fixture\",\"table\":\"hidden\"}"), 404, "TABLE_NOT_FOUND");
        assertRefused(api.export("00000000-0000-0000-0000-000000000000", "{\"schema\":\"export_fixture\",\"table\":\"orders\"}"), 404,
                "KNOWLEDGE_BASE_NOT_FOUND");
        assertThat(api.knowledge().get(BASE + "/" + kb + "/documents").json().getInt("count")).isZero();
    }

    private String content(String kb, JsonObject result) {
        return api.knowledge().awaitStatus(kb, result.getString("document_id"), "indexed").getString("content");
    }

    private static void assertNotFound(ApiResponse response) {
        assertRefused(response, 404, "TABLE_NOT_FOUND");
    }

    private static void assertRefused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().getString("code")).isEqualTo(code);
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString::getString);
    }

    private static Map<String, JsonObject> byName(List<JsonObject> items) {
        return items.stream().collect(Collectors.toMap(item -> item.getString("name"), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
