package dev.fluxbase.ai.chatbots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sync in both modes, with every combination of dry_run and delete_missing, checked against the database. */
@ExtendWith(FluxbaseServer.class)
class ChatbotSyncIT {

    private static final Logger LOG = Logger.getLogger(ChatbotSyncIT.class.getName());
    private static final String SYNC = "/api/v1/admin/ai/chatbots/sync";
    private static final String FS = "syncfs";

    private ServerUnderTest server;
    private String admin;

    @BeforeEach
    void server(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
    }

    private static String code(String name, String prompt) {
        return "/**\n * " + name + "\n */\nexport default `" + prompt + "`\n";
    }

    private ApiResponse sync(String namespace, JsonArrayBuilder chatbots, boolean dryRun, boolean deleteMissing) {
        var body = Json.createObjectBuilder().add("namespace", namespace);
        if (chatbots != null) {
            body.add("chatbots", chatbots);
        }
        body.add("options", Json.createObjectBuilder().add("delete_missing", deleteMissing).add("dry_run", dryRun));
        ApiResponse response = server.call("POST", SYNC, admin, body.build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static JsonArrayBuilder specs(String... nameAndPrompt) {
        JsonArrayBuilder specs = Json.createArrayBuilder();
        for (int i = 0; i < nameAndPrompt.length; i += 2) {
            specs.add(Json.createObjectBuilder().add("name", nameAndPrompt[i]).add("code", code(nameAndPrompt[i], nameAndPrompt[i + 1])));
        }
        return specs;
    }

    private List<String> stored(String namespace) {
        return server.column("SELECT name || ':' || system_prompt || ':' || source FROM ai.chatbots WHERE namespace = ? ORDER BY name", namespace);
    }

    @ParameterizedTest(name = "payload dry_run={0} delete_missing={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void payloadMode(boolean dryRun, boolean deleteMissing) {
        String ns = "payload-" + UUID.randomUUID().toString().substring(0, 8);
        sync(ns, specs("a", "one", "b", "one", "d", "one"), false, false);
        server.execute("INSERT INTO ai.chatbots (name, namespace, code, system_prompt, source) VALUES ('fs', ?, 'x', 'x', 'filesystem')", ns);
        List<String> before = stored(ns);

        JsonObject result = sync(ns, specs("a", "one", "b", "two", "c", "new"), dryRun, deleteMissing).json();

        assertDetails(result, List.of("c"), List.of("b"), deleteMissing ? List.of("d") : List.of(), List.of("a"));
        assertThat(result.getBoolean("dry_run")).isEqualTo(dryRun);
        assertThat(result.getString("namespace")).isEqualTo(ns);
        if (dryRun) {
            assertThat(stored(ns)).isEqualTo(before);
        } else if (deleteMissing) {
            assertThat(stored(ns)).containsExactly("a:one:api", "b:two:api", "c:new:api", "fs:x:filesystem");
        } else {
            assertThat(stored(ns)).containsExactly("a:one:api", "b:two:api", "c:new:api", "d:one:api", "fs:x:filesystem");
        }
    }

    @ParameterizedTest(name = "filesystem dry_run={0} delete_missing={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void filesystemMode(boolean dryRun, boolean deleteMissing) {
        server.execute("DELETE FROM ai.chatbots WHERE namespace = ?", FS);
        sync(FS, null, false, false);
        server.execute("DELETE FROM ai.chatbots WHERE namespace = ? AND name = 'beta'", FS);
        server.execute("UPDATE ai.chatbots SET code = 'old', system_prompt = 'old' WHERE namespace = ? AND name = 'alpha'", FS);
        server.execute("INSERT INTO ai.chatbots (name, namespace, code, system_prompt, source) VALUES ('gone', ?, 'x', 'x', 'filesystem')", FS);
        server.execute("INSERT INTO ai.chatbots (name, namespace, code, system_prompt, source) VALUES ('api-made', ?, 'x', 'x', 'api')", FS);
        List<String> before = stored(FS);

        JsonObject result = sync(FS, null, dryRun, deleteMissing).json();

        assertDetails(result, List.of("beta"), List.of("alpha"), deleteMissing ? List.of("gone") : List.of(), List.of("steady"));
        if (dryRun) {
            assertThat(stored(FS)).isEqualTo(before);
        } else {
            assertThat(stored(FS)).containsExactlyElementsOf(deleteMissing
                    ? List.of("alpha:You are alpha.:filesystem", "api-made:x:api", "beta:You are beta.:filesystem", "steady:You are steady.:filesystem")
                    : List.of("alpha:You are alpha.:filesystem", "api-made:x:api", "beta:You are beta.:filesystem", "gone:x:filesystem",
                            "steady:You are steady.:filesystem"));
        }
    }

    @Test
    void anEmptyChatbotListMeansFilesystemMode() {
        JsonObject result = sync(FS, Json.createArrayBuilder(), true, false).json();
        assertThat(result.getJsonObject("details").getJsonArray("created").size()
                + result.getJsonObject("details").getJsonArray("unchanged").size()
                + result.getJsonObject("details").getJsonArray("updated").size()).isEqualTo(3);
    }

    @Test
    void aBrokenChatbotIsReportedWithFileLineAndReasonAndTheOthersSync() {
        String ns = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        JsonArrayBuilder specs = specs("fine", "ok").add(Json.createObjectBuilder().add("name", "bad")
                .add("code", "/**\n * Bad\n * @fluxbase:temperature 9\n */\nexport default `x`\n"));
        JsonObject result = sync(ns, specs, false, false).json();
        assertThat(result.getJsonObject("summary").getInt("errors")).isEqualTo(1);
        JsonObject error = result.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("function")).as("the SDK's SyncError").isEqualTo("bad");
        assertThat(error.getString("name")).isEqualTo("bad");
        assertThat(error.getString("action")).isEqualTo("parse");
        assertThat(error.getString("error")).isEqualTo("payload:" + ns + "/bad:3: @fluxbase:temperature must be between 0 and 2, got 9");
        assertThat(stored(ns)).containsExactly("fine:ok:api");
    }

    @Test
    void filesystemSyncOfTheDefaultNamespaceNamesTheBrokenFile() {
        JsonObject result = sync("default", null, true, false).json();
        assertThat(result.getJsonArray("errors").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("error")).endsWith("broken-bot/index.ts:4: @fluxbase:temperature must be between 0 and 2, got 5"));
        assertThat(strings(result.getJsonObject("details"), "unchanged")).contains("guide-example", "skeleton-bot");
    }

    @Test
    void anAdminsDisableSurvivesASyncThatUpdatesTheChatbot() {
        String ns = "keep-" + UUID.randomUUID().toString().substring(0, 8);
        sync(ns, specs("bot", "v1"), false, false);
        String id = server.column("SELECT id FROM ai.chatbots WHERE namespace = ?", ns).get(0);
        assertThat(server.call("PUT", "/api/v1/admin/ai/chatbots/" + id + "/toggle", admin, "{\"enabled\":false}").status()).isEqualTo(200);

        JsonObject result = sync(ns, specs("bot", "v2"), false, false).json();

        assertThat(strings(result.getJsonObject("details"), "updated")).containsExactly("bot");
        assertThat(server.column("SELECT enabled || ':' || system_prompt || ':' || version FROM ai.chatbots WHERE id = ?::uuid", id))
                .containsExactly("false:v2:3");
    }

    @Test
    void invalidNamesAndMissingCodeAreErrorsNotFailures() {
        String ns = "names-" + UUID.randomUUID().toString().substring(0, 8);
        JsonArrayBuilder specs = specs("../etc", "x").add(Json.createObjectBuilder().add("name", "nocode"));
        JsonObject result = sync(ns, specs, false, false).json();
        assertThat(result.getJsonObject("summary").getInt("errors")).isEqualTo(2);
        assertThat(stored(ns)).isEmpty();
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        assertThat(server.call("POST", SYNC, admin, "{\"chatbots\": 5}").status()).isEqualTo(400);
        assertThat(server.call("POST", SYNC, admin, "{oops").status()).isEqualTo(400);
        ApiResponse mistyped = server.call("POST", SYNC, admin, "{\"options\": {\"dry_run\": \"yes\"}}");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().getString("code")).isEqualTo("INVALID_REQUEST");
        assertThat(mistyped.json().getString("error")).isEqualTo("Invalid request body: \"options.dry_run\" must be true or false");
        assertThat(server.call("POST", SYNC, admin, "{\"chatbots\": [{\"name\": \"a\", \"code\": 5}]}").json().getString("error"))
                .isEqualTo("Invalid request body: \"chatbots[0].code\" must be a string");
    }

    @Test
    void syncsTwoHundredChatbotsInOnePayload() {
        String ns = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        JsonArrayBuilder specs = Json.createArrayBuilder();
        for (int i = 0; i < 200; i++) {
            specs.add(Json.createObjectBuilder().add("name", "bot-" + i).add("code",
                    "/**\n * Bulk " + i + "\n * @fluxbase:allowed-tables orders,customers\n * @fluxbase:rate-limit 20/min\n */\nexport default `Prompt " + i + "`\n"));
        }
        long started = System.nanoTime();
        JsonObject result = sync(ns, specs, false, false).json();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "MEASURE sync of 200 chatbots in one payload: " + millis + " ms");
        System.out.println("MEASURE sync of 200 chatbots in one payload: " + millis + " ms");
        assertThat(result.getJsonObject("summary").getInt("created")).isEqualTo(200);
        assertThat(server.column("SELECT count(*)::text FROM ai.chatbots WHERE namespace = ?", ns)).containsExactly("200");
    }

    private static void assertDetails(JsonObject result, List<String> created, List<String> updated, List<String> deleted, List<String> unchanged) {
        JsonObject details = result.getJsonObject("details");
        assertThat(strings(details, "created")).as("created").containsExactlyInAnyOrderElementsOf(created);
        assertThat(strings(details, "updated")).as("updated").containsExactlyInAnyOrderElementsOf(updated);
        assertThat(strings(details, "deleted")).as("deleted").containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(strings(details, "unchanged")).as("unchanged").containsExactlyInAnyOrderElementsOf(unchanged);
        JsonObject summary = result.getJsonObject("summary");
        assertThat(List.of(summary.getInt("created"), summary.getInt("updated"), summary.getInt("deleted"), summary.getInt("unchanged"), summary.getInt("errors")))
                .containsExactly(created.size(), updated.size(), deleted.size(), unchanged.size(), 0);
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
