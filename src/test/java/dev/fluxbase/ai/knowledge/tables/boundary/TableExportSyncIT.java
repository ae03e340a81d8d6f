package dev.fluxbase.ai.knowledge.tables.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's table-export sync calls, incremental syncs and the scheduled run. */
@ExtendWith(FluxbaseServer.class)
class TableExportSyncIT {

    private static final String ORDERS = "{\"schema_name\":\"export_fixture\",\"table_name\":\"orders\"%s}";

    private ServerUnderTest server;
    private TableExportApi api;
    private String kb;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new TableExportApi(server);
        api.knowledge().deleteAll();
        api.resetFixture();
        kb = api.knowledge().createKnowledgeBase("synced").getString("id");
    }

    @AfterEach
    void tearDown() {
        server.resetClock();
        api.knowledge().deleteAll();
    }

    @Test
    void syncConfigurationsAreCreatedListedChangedAndDeleted() {
        ApiResponse created = api.syncs(kb, "POST", "", ORDERS.formatted(",\"columns\":[\"id\",\"amount\"],\"include_foreign_keys\":true"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject config = created.json();
        String id = config.getString("id");
        assertThat(config.getString("knowledge_base_id")).isEqualTo(kb);
        assertThat(config.getString("schema_name")).isEqualTo("export_fixture");
        assertThat(config.getString("table_name")).isEqualTo("orders");
        assertThat(config.getJsonArray("columns").getValuesAs(JsonString::getString)).containsExactly("id", "amount");
        assertThat(config.getBoolean("include_foreign_keys")).isTrue();
        assertThat(config.getBoolean("include_indexes")).isFalse();
        assertThat(config.containsKey("last_sync_at")).isFalse();
        assertThat(config.getString("created_at")).isNotBlank();
        assertThat(config.getString("updated_at")).isNotBlank();
        assertThat(api.syncs(kb, "POST", "", ORDERS.formatted("")).status()).isEqualTo(409);

        ApiResponse listed = api.syncs(kb, "GET", "", null);
        assertThat(listed.array("sync_configs")).hasSize(1);
        assertThat(listed.array("sync_configs").getJsonObject(0).getString("id")).isEqualTo(id);

        ApiResponse updated = api.syncs(kb, "PATCH", "/" + id, "{\"columns\":[],\"include_indexes\":true,\"sync_interval_minutes\":30}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().containsKey("columns")).isFalse();
        assertThat(updated.json().getBoolean("include_indexes")).isTrue();
        assertThat(updated.json().getBoolean("include_foreign_keys")).isTrue();
        assertThat(updated.json().getInt("sync_interval_minutes")).isEqualTo(30);
        assertThat(api.syncs(kb, "PATCH", "/" + id, "{\"columns\":[\"nope\"]}").json().getString("code")).isEqualTo("COLUMN_NOT_FOUND");

        assertThat(api.syncs(kb, "DELETE", "/" + id, null).status()).isEqualTo(204);
        assertThat(api.syncs(kb, "GET", "", null).array("sync_configs")).isEmpty();
        ApiResponse gone = api.syncs(kb, "POST", "/" + id + "/trigger", "{}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getString("code")).isEqualTo("SYNC_CONFIG_NOT_FOUND");
    }

    @Test
    void configurationsOfTablesTheRoleCannotReadOrOfRefusedRolesAreNotCreated() {
        ApiResponse hidden = api.syncs(kb, "POST", "", "{\"schema_name\":\"export_fixture\",\"table_name\":\"hidden\"}");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().getString("code")).isEqualTo("TABLE_NOT_FOUND");
        ApiResponse login = api.syncs(kb, "POST", "", ORDERS.formatted(",\"role\":\"" + api.loginRole() + "\""));
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().getString("code")).isEqualTo("EXPORT_ROLE_NOT_ALLOWED");
        assertThat(api.syncs(kb, "GET", "", null).array("sync_configs")).isEmpty();
    }

    @Test
    void aTriggerExportsAndAnUnchangedTableIsNotEmbeddedAgain() {
        String id = create(ORDERS.formatted(",\"include_sample_rows\":true"));

        JsonObject first = trigger(id);
        String document = first.getString("document_id");
        assertThat(first.getJsonArray("relationship_ids")).isEmpty();
        assertThat(config(id).getString("last_sync_status")).isEqualTo("success");
        assertThat(config(id).getString("document_id")).isEqualTo(document);
        api.knowledge().awaitStatus(kb, document, "indexed");
        List<String> chunks = chunkIds(document);
        long embeddings = api.embeddingsOfFixture();

        JsonObject second = trigger(id);

        assertThat(second.getString("document_id")).isEqualTo(document);
        assertThat(second.getString("entity_id")).isEqualTo(first.getString("entity_id"));
        assertThat(config(id).getString("last_sync_status")).isEqualTo("unchanged");
        assertThat(api.embeddingsOfFixture()).isEqualTo(embeddings);
        assertThat(chunkIds(document)).isEqualTo(chunks);

        server.execute("UPDATE export_fixture.orders SET code = 'PUBLIC-1', updated_at = now() + interval '1 second' WHERE id = 1");
        JsonObject third = trigger(id);

        assertThat(third.getString("document_id")).isEqualTo(document);
        assertThat(config(id).getString("last_sync_status")).isEqualTo("success");
        assertThat(api.knowledge().awaitStatus(kb, document, "indexed").getString("content")).contains("PUBLIC-1").doesNotContain("PUBLIC-ONE");
        assertThat(api.embeddingsOfFixture()).isGreaterThan(embeddings);
    }

    @Test
    void withoutAChangeColumnTheContentDecides() {
        String id = create("{\"schema_name\":\"export_fixture\",\"table_name\":\"notes\",\"include_sample_rows\":true}");
        String document = trigger(id).getString("document_id");
        api.knowledge().awaitStatus(kb, document, "indexed");
        long embeddings = api.embeddingsOfFixture();

        trigger(id);

        assertThat(config(id).getString("last_sync_status")).isEqualTo("unchanged");
        assertThat(api.embeddingsOfFixture()).isEqualTo(embeddings);

        server.execute("UPDATE export_fixture.notes SET body = 'Refund paid' WHERE id = 2");
        trigger(id);

        assertThat(config(id).getString("last_sync_status")).isEqualTo("success");
        assertThat(api.knowledge().awaitStatus(kb, document, "indexed").getString("content")).contains("Refund paid");
    }

    @Test
    void exportNowExportsWhenTheConfigurationIsCreated() {
        ApiResponse created = api.syncs(kb, "POST", "", ORDERS.formatted(",\"export_now\":true"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("last_sync_status")).isEqualTo("success");
        assertThat(created.json().getString("last_sync_at")).isNotBlank();
        api.knowledge().awaitStatus(kb, created.json().getString("document_id"), "indexed");
    }

    @Test
    void aFailedSyncIsRecordedAndKeepsThePreviousDocument() {
        String id = create("{\"schema_name\":\"export_fixture\",\"table_name\":\"fragile\"}");
        String document = trigger(id).getString("document_id");
        api.knowledge().awaitStatus(kb, document, "indexed");
        server.execute("REVOKE SELECT ON export_fixture.fragile FROM authenticated");

        ApiResponse failed = api.syncs(kb, "POST", "/" + id + "/trigger", "{}");

        assertThat(failed.status()).isEqualTo(404);
        assertThat(failed.json().getString("code")).isEqualTo("TABLE_NOT_FOUND");
        JsonObject config = config(id);
        assertThat(config.getString("last_sync_status")).isEqualTo("failed");
        assertThat(config.getString("last_sync_error")).contains("export_fixture.fragile").doesNotContain("password");
        assertThat(config.getString("document_id")).isEqualTo(document);
        assertThat(api.document(kb, document).getString("content")).contains("Shelf label printed for the warehouse");

        server.execute("GRANT SELECT ON export_fixture.fragile TO authenticated");
        trigger(id);
        assertThat(config(id).getString("last_sync_status")).isEqualTo("unchanged");
        assertThat(config(id).containsKey("last_sync_error")).isFalse();
    }

    @Test
    void scheduledSyncsRunWhenTheirIntervalHasPassed() {
        String id = create(ORDERS.formatted(",\"sync_interval_minutes\":60"));
        String onDemand = create("{\"schema_name\":\"export_fixture\",\"table_name\":\"notes\"}");

        assertThat(syncsRun()).isEqualTo(1);
        assertThat(config(id).getString("last_sync_status")).isEqualTo("success");
        assertThat(config(onDemand).containsKey("last_sync_status")).isFalse();
        assertThat(syncsRun()).as("not due again yet").isZero();

        server.moveClock(Duration.ofMinutes(61));

        assertThat(syncsRun()).isEqualTo(1);
        assertThat(config(id).getString("last_sync_status")).isEqualTo("unchanged");
        assertThat(config(onDemand).containsKey("last_sync_status")).isFalse();
    }

    @Test
    void theTimerRunsDueSyncsByItself() {
        String id = create(ORDERS.formatted(",\"sync_interval_minutes\":60"));
        try (DisposableInstance ticking = server.startDisposableInstance(Map.of("FLUXBASE_AI_TABLE_EXPORT_SYNC_TICK_SECONDS", "1"))) {
            Eventually.await("the instance's timer to sync " + id, Duration.ofSeconds(120), () -> config(id).containsKey("last_sync_status"));
        }
        assertThat(config(id).getString("last_sync_status")).isEqualTo("success");
    }

    private int syncsRun() {
        return server.runJobs().getJsonObject("jobs").getInt("table-export-sync");
    }

    private String create(String body) {
        ApiResponse created = api.syncs(kb, "POST", "", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private JsonObject trigger(String id) {
        ApiResponse triggered = api.syncs(kb, "POST", "/" + id + "/trigger", "{}");
        assertThat(triggered.status()).as(triggered.toString()).isEqualTo(200);
        return triggered.json();
    }

    private JsonObject config(String id) {
        return api.syncs(kb, "GET", "", null).array("sync_configs").getValuesAs(JsonObject.class).stream()
                .filter(config -> config.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private List<String> chunkIds(String document) {
        return server.column("SELECT id::text FROM ai.chunks WHERE document_id = ?::uuid ORDER BY chunk_index", document);
    }
}
