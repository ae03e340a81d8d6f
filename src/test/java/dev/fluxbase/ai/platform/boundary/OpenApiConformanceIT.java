package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiDocument;
import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.McpTestServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server answers conforms to its OpenAPI document: every documented operation is called with real data, and
 * each answer's status must be documented and its body valid against that status's schema. The last test fails when an
 * operation was never answered with success here, so a new endpoint needs a call in this class. Errors are checked
 * too: a bad token on every operation, a user's token on every admin one, unknown ids on every one with path parameters,
 * and a malformed setting key.
 */
@ExtendWith(FluxbaseServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiConformanceIT {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String V1 = "/api/v1";
    private static final Set<String> SUCCEEDED = new TreeSet<>();
    private static ApiDocument document;

    private ServerUnderTest server;
    private String admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.admin = server.serviceKey();
        if (document == null) {
            document = ApiDocument.of(server);
        }
    }

    @Test
    @Order(1)
    void theDocumentListsEachTagOnceWithADescriptionAndEveryOperationOnce() {
        assertThat(document.fieldsOutsideTheSpecification()).as("client generators refuse them").isEmpty();
        List<String> tags = new ArrayList<>();
        document.json().path("tags").forEach(tag -> {
            tags.add(tag.path("name").asText());
            assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
        });
        assertThat(tags).doesNotHaveDuplicates().contains("Chatbots", "Conversations", "Knowledge bases", "Providers", "MCP servers",
                "Usage", "Settings", "Testing");
        List<String> ids = new ArrayList<>();
        for (String operation : document.operations()) {
            String[] methodAndPath = operation.split(" ", 2);
            var node = document.operation(methodAndPath[0], methodAndPath[1]);
            ids.add(node.path("operationId").asText());
            assertThat(node.path("tags")).as(operation).hasSize(1);
            assertThat(tags).as(operation).contains(node.path("tags").get(0).asText());
            assertThat(node.path("responses").path("default").isMissingNode()).as(operation + " has its default error").isFalse();
        }
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    @Order(2)
    void chatbotsAndConversations() {
        String namespace = "openapi-" + run;
        JsonObject synced = ok(call("POST", "/admin/ai/chatbots/sync", admin, Json.createObjectBuilder().add("namespace", namespace)
                .add("chatbots", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "conformance-bot").add("code",
                        "/**\n * Conformance Bot\n *\n * @fluxbase:description For the OpenAPI conformance test\n */\n\n"
                                + "export default `You answer briefly.`;"))).build().toString()), 200).json();
        assertThat(synced.getJsonObject("summary").getInt("created")).as(synced.toString()).isEqualTo(1);
        JsonObject listed = ok(call("GET", "/admin/ai/chatbots?namespace=" + namespace, admin, null), 200).json();
        String id = listed.getJsonArray("chatbots").getJsonObject(0).getString("id");
        ok(call("GET", "/admin/ai/chatbots/{id}", admin, null, id), 200);
        ok(call("PUT", "/admin/ai/chatbots/{id}/toggle", admin, "{\"enabled\":true}", id), 200);
        ok(call("PUT", "/admin/ai/chatbots/{id}", admin, "{\"description\":\"Still for the conformance test\",\"rate_limit_per_minute\":30}", id), 200);

        JsonObject published = ok(call("GET", "/ai/chatbots", null, null), 200).json();
        String skeleton = published.getJsonArray("chatbots").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("skeleton-bot")).findFirst().orElseThrow().getString("id");
        ok(call("GET", "/ai/chatbots/{id}", null, null, skeleton), 200);
        ok(call("GET", "/ai/chatbots/by-name/{name}", null, null, "skeleton-bot"), 200);
        ok(call("GET", "/ai/chatbots/by-name/{name}", null, null, "no-such-bot-" + run), 404);

        String user = "openapi-user-" + run;
        String token = server.tokens().userToken(user);
        String conversation = converse(user, "persisted-bot");
        ok(call("GET", "/ai/conversations?limit=10", token, null), 200);
        ok(call("GET", "/ai/conversations/{id}", token, null, conversation), 200);
        ok(call("PATCH", "/ai/conversations/{id}", token, "{\"title\":\"Renamed by the conformance test\"}", conversation), 200);
        ok(call("DELETE", "/ai/conversations/{id}", token, null, conversation), 200);
        ok(call("GET", "/ai/conversations/{id}", token, null, conversation), 404);

        ok(call("DELETE", "/admin/ai/chatbots/{id}", admin, null, id), 200);
    }

    @Test
    @Order(3)
    void providers() {
        JsonObject before = ok(call("GET", "/admin/ai/providers", admin, null), 200).json();
        String previousDefault = before.getJsonArray("providers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getBoolean("is_default")).map(p -> p.getString("id")).findFirst().orElse("FROM_CONFIG");
        String id = ok(call("POST", "/admin/ai/providers", admin, "{\"name\":\"openapi-" + run + "\",\"display_name\":\"Conformance\","
                + "\"provider_type\":\"openai\",\"enabled\":false,\"config\":{\"api_key\":\"sk-conformance\",\"model\":\"gpt-4o-mini\"}}"), 201)
                .json().getString("id");
        try {
            ok(call("GET", "/admin/ai/providers/{id}", admin, null, id), 200);
            ok(call("GET", "/admin/ai/providers/{id}", admin, null, "FROM_CONFIG"), 200);
            ok(call("PUT", "/admin/ai/providers/{id}", admin, "{\"display_name\":\"Conformance test\",\"config\":{\"model\":\"gpt-4o\"}}", id), 200);
            ok(call("PUT", "/admin/ai/providers/{id}/embedding", admin, null, id), 200);
            ok(call("DELETE", "/admin/ai/providers/{id}/embedding", admin, null, id), 200);
            ok(call("PUT", "/admin/ai/providers/{id}/default", admin, null, id), 200);
        } finally {
            ok(call("PUT", "/admin/ai/providers/{id}/default", admin, null, previousDefault), 200);
            ok(call("DELETE", "/admin/ai/providers/{id}", admin, null, id), 200);
        }
        ok(call("DELETE", "/admin/ai/providers/{id}", admin, null, "FROM_CONFIG"), 403);
    }

    @Test
    @Order(4)
    void mcpServers() {
        try (McpTestServer mcp = McpTestServer.start(Map.of("forecast", arguments -> McpTestServer.text("Sunny")), Map.of())) {
            String id = ok(call("POST", "/admin/ai/mcp-servers", admin, "{\"name\":\"openapi-" + run + "\",\"url\":\"" + mcp.url()
                    + "\",\"auth_header_name\":\"X-Api-Key\",\"auth_header_value\":\"conformance\",\"allowed_tools\":[\"forecast\"]}"), 201)
                    .json().getString("id");
            ok(call("GET", "/admin/ai/mcp-servers", admin, null), 200);
            ok(call("GET", "/admin/ai/mcp-servers/{id}", admin, null, id), 200);
            ok(call("PUT", "/admin/ai/mcp-servers/{id}", admin, "{\"description\":\"For the conformance test\"}", id), 200);
            ok(call("GET", "/admin/ai/mcp-servers/{id}/tools", admin, null, id), 200);
            ok(call("DELETE", "/admin/ai/mcp-servers/{id}", admin, null, id), 200);
        }
    }

    @Test
    @Order(5)
    void settingsAndSecrets() {
        String key = "openapi.conformance_" + run.replace('-', '_');
        String token = server.tokens().userToken("openapi-settings-" + run);
        ok(call("POST", "/admin/settings/custom", admin, "{\"key\":\"" + key + "\",\"value\":{\"theme\":\"light\"},\"value_type\":\"json\","
                + "\"description\":\"For the conformance test\"}"), 201);
        ok(call("GET", "/admin/settings/custom", admin, null), 200);
        ok(call("GET", "/admin/settings/custom/{key}", admin, null, key), 200);
        ok(call("PUT", "/admin/settings/custom/{key}", admin, "{\"value\":{\"theme\":\"dark\"}}", key), 200);
        ok(call("GET", "/settings/user/system/{key}", token, null, key), 200);
        ok(call("PUT", "/settings/user/{key}", token, "{\"value\":\"mine\",\"description\":\"The user's own\"}", key), 200);
        ok(call("GET", "/settings/user/list", token, null), 200);
        ok(call("GET", "/settings/user/own/{key}", token, null, key), 200);
        ok(call("GET", "/settings/user/{key}", token, null, key), 200);
        ok(call("DELETE", "/settings/user/{key}", token, null, key), 204);
        ok(call("GET", "/settings/user/own/{key}", token, null, key), 404);
        ok(call("DELETE", "/admin/settings/custom/{key}", admin, null, key), 204);

        String secret = key + "_secret";
        ok(call("POST", "/admin/settings/custom/secret", admin, "{\"key\":\"" + secret + "\",\"value\":\"s3cret\",\"description\":\"A system secret\"}"), 201);
        ok(call("GET", "/admin/settings/custom/secrets", admin, null), 200);
        ok(call("GET", "/admin/settings/custom/secret/{key}", admin, null, secret), 200);
        ok(call("PUT", "/admin/settings/custom/secret/{key}", admin, "{\"value\":\"rotated\"}", secret), 200);
        ok(call("DELETE", "/admin/settings/custom/secret/{key}", admin, null, secret), 204);
        ok(call("POST", "/admin/settings/custom", admin, "{\"key\":\"" + secret + "\",\"value\":{\"value\":\"wrapped\"},\"is_secret\":true}"), 201);
        ok(call("POST", "/admin/settings/custom", admin, "{\"key\":\"" + secret + "\",\"value\":\"again\",\"is_secret\":true}"), 409);
        ok(call("DELETE", "/admin/settings/custom/secret/{key}", admin, null, secret), 204);

        ok(call("POST", "/settings/secret", token, "{\"key\":\"" + secret + "\",\"value\":\"mine\"}"), 201);
        ok(call("GET", "/settings/secret", token, null), 200);
        ok(call("GET", "/settings/secret/{key}", token, null, secret), 200);
        ok(call("PUT", "/settings/secret/{key}", token, "{\"value\":\"mine too\",\"description\":\"My secret\"}", secret), 200);
        ok(call("DELETE", "/settings/secret/{key}", token, null, secret), 204);
        ok(call("PUT", "/settings/user/{key}", admin, "{\"value\":1}", key), 403);
    }

    @Test
    @Order(6)
    void knowledgeBasesDocumentsLinksAndUsers() {
        ok(call("GET", "/admin/ai/knowledge-bases/capabilities", admin, null), 200);
        String kb = ok(call("POST", "/admin/ai/knowledge-bases", admin, "{\"name\":\"openapi-" + run + "\",\"description\":\"Conformance\","
                + "\"chunk_size\":64,\"chunk_overlap\":8}"), 201).json().getString("id");
        try {
            ok(call("GET", "/admin/ai/knowledge-bases", admin, null), 200);
            ok(call("PUT", "/admin/ai/knowledge-bases/{id}", admin, "{\"description\":\"Conformance, changed\"}", kb), 200);
            String doc = ok(call("POST", "/admin/ai/knowledge-bases/{kb}/documents", admin, "{\"title\":\"Leave\",\"content\":\"Staff have "
                    + "twenty-five days of leave a year.\",\"source\":\"leave.md\",\"tags\":[\"hr\"],\"metadata\":{\"team\":\"people\"}}", kb), 202)
                    .json().getString("document_id");
            awaitIndexed(kb, doc);
            ok(call("GET", "/admin/ai/knowledge-bases/{id}", admin, null, kb), 200);
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/documents", admin, null, kb), 200);
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/documents/{doc}", admin, null, kb, doc), 200);
            ok(call("PATCH", "/admin/ai/knowledge-bases/{kb}/documents/{doc}", admin, "{\"tags\":[\"hr\",\"policy\"]}", kb, doc), 200);
            JsonObject found = ok(call("POST", "/admin/ai/knowledge-bases/{id}/search", admin, "{\"query\":\"days of leave\",\"threshold\":0}", kb), 200)
                    .json();
            assertThat(found.getInt("count")).as(found.toString()).isPositive();
            ok(upload("/admin/ai/knowledge-bases/{kb}/documents/upload", admin, kb), 202);
            ok(call("POST", "/admin/ai/knowledge-bases/{kb}/documents", admin, "{\"title\":\"Old\",\"content\":\"Outdated.\",\"tags\":[\"obsolete\"]}", kb), 202);
            JsonObject deleted = ok(call("POST", "/admin/ai/knowledge-bases/{kb}/documents/delete-by-filter", admin, "{\"tags\":[\"obsolete\"]}", kb), 200)
                    .json();
            assertThat(deleted.getInt("deleted_count")).isEqualTo(1);

            String chatbot = ok(call("GET", "/admin/ai/chatbots", admin, null), 200).json().getJsonArray("chatbots").getValuesAs(JsonObject.class)
                    .stream().filter(c -> c.getString("name").equals("skeleton-bot")).findFirst().orElseThrow().getString("id");
            ok(call("POST", "/admin/ai/chatbots/{chatbot}/knowledge-bases", admin, "{\"knowledge_base_id\":\"" + kb + "\",\"max_chunks\":3}", chatbot), 201);
            try {
                ok(call("GET", "/admin/ai/chatbots/{chatbot}/knowledge-bases", admin, null, chatbot), 200);
                ok(call("PUT", "/admin/ai/chatbots/{chatbot}/knowledge-bases/{kb}", admin, "{\"priority\":5,\"access_level\":\"full\"}", chatbot, kb), 200);
                ok(call("GET", "/admin/ai/knowledge-bases/{id}/chatbots", admin, null, kb), 200);
            } finally {
                ok(call("DELETE", "/admin/ai/chatbots/{chatbot}/knowledge-bases/{kb}", admin, null, chatbot, kb), 204);
            }

            String user = "openapi-reader-" + run;
            String token = server.tokens().userToken(user);
            ok(call("GET", "/ai/knowledge-bases/{id}", token, null, kb), 403);
            ok(call("POST", "/ai/knowledge-bases/{id}/share", admin, "{\"user_id\":\"" + user + "\",\"permission\":\"editor\"}", kb), 201);
            ok(call("GET", "/ai/knowledge-bases/{id}/permissions", admin, null, kb), 200);
            ok(call("GET", "/ai/knowledge-bases", token, null), 200);
            ok(call("GET", "/ai/knowledge-bases/{id}", token, null, kb), 200);
            String own = ok(call("POST", "/ai/knowledge-bases/{kb}/documents", token, "{\"title\":\"Mine\",\"content\":\"My own notes on leave.\"}", kb), 202)
                    .json().getString("document_id");
            ok(call("GET", "/ai/knowledge-bases/{kb}/documents", token, null, kb), 200);
            ok(call("GET", "/ai/knowledge-bases/{kb}/documents/{doc}", token, null, kb, own), 200);
            ok(upload("/ai/knowledge-bases/{kb}/documents/upload", token, kb), 202);
            awaitIndexed(kb, own);
            ok(call("POST", "/ai/knowledge-bases/{id}/search", token, "{\"query\":\"notes on leave\",\"limit\":5}", kb), 200);
            ok(call("DELETE", "/ai/knowledge-bases/{kb}/documents/{doc}", token, null, kb, own), 204);
            ok(call("DELETE", "/ai/knowledge-bases/{id}/permissions/{user}", admin, null, kb, user), 204);
            ok(call("DELETE", "/admin/ai/knowledge-bases/{kb}/documents/{doc}", admin, null, kb, doc), 204);
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/documents/{doc}", admin, null, kb, doc), 404);
        } finally {
            ok(call("DELETE", "/admin/ai/knowledge-bases/{id}", admin, null, kb), 204);
        }
    }

    @Test
    @Order(7)
    void tableExportsAndTheKnowledgeGraph() {
        createExportFixture();
        ok(call("GET", "/admin/ai/tables/{schema}/{table}?role=export_reader", admin, null, "export_fixture", "orders"), 200);
        String kb = ok(call("POST", "/admin/ai/knowledge-bases", admin, "{\"name\":\"openapi-tables-" + run + "\",\"chunk_size\":64,\"chunk_overlap\":8}"), 201)
                .json().getString("id");
        try {
            ok(call("POST", "/admin/ai/knowledge-bases/{kb}/tables/export", admin, "{\"schema\":\"export_fixture\",\"table\":\"orders\","
                    + "\"role\":\"export_reader\",\"include_foreign_keys\":true,\"include_indexes\":true}", kb), 200);
            String sync = ok(call("POST", "/admin/ai/knowledge-bases/{kb}/sync-configs", admin, "{\"schema_name\":\"export_fixture\","
                    + "\"table_name\":\"customers\",\"role\":\"export_reader\",\"sync_interval_minutes\":60}", kb), 201).json().getString("id");
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/sync-configs", admin, null, kb), 200);
            ok(call("PATCH", "/admin/ai/knowledge-bases/{kb}/sync-configs/{id}", admin, "{\"include_foreign_keys\":true}", kb, sync), 200);
            ok(call("POST", "/admin/ai/knowledge-bases/{kb}/sync-configs/{id}/trigger", admin, null, kb, sync), 200);
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/sync-configs", admin, null, kb), 200);
            ok(call("DELETE", "/admin/ai/knowledge-bases/{kb}/sync-configs/{id}", admin, null, kb, sync), 204);

            JsonObject entities = ok(call("GET", "/admin/ai/knowledge-bases/{kb}/entities", admin, null, kb), 200).json();
            String orders = entities.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("name").endsWith("orders")).findFirst().orElseThrow(() -> new AssertionError(entities.toString()))
                    .getString("id");
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/entities/search?query=orders", admin, null, kb), 200);
            JsonObject related = ok(call("GET", "/admin/ai/knowledge-bases/{kb}/entities/{entity}/relationships", admin, null, kb, orders), 200).json();
            assertThat(related.getInt("count")).as(related.toString()).isPositive();
            ok(call("GET", "/admin/ai/knowledge-bases/{kb}/graph", admin, null, kb), 200);
        } finally {
            ok(call("DELETE", "/admin/ai/knowledge-bases/{id}", admin, null, kb), 204);
        }
    }

    @Test
    @Order(8)
    void rlsChecks() {
        SqlFixture.ensure(server);
        String chatbot = server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'intent-bot'").get(0);
        String check = ok(call("POST", "/admin/ai/chatbots/{chatbotId}/rls-checks", admin, Json.createObjectBuilder()
                .add("name", "openapi-" + run).add("sql", "SELECT id, item FROM orders").add("expect", "no_rows")
                .add("users", Json.createArrayBuilder().add(Json.createObjectBuilder().add("user_id", "alice"))).build().toString(), chatbot), 201)
                .json().getString("id");
        try {
            ok(call("GET", "/admin/ai/chatbots/{chatbotId}/rls-checks", admin, null, chatbot), 200);
            ok(call("GET", "/admin/ai/chatbots/{chatbotId}/rls-checks/recorded?limit=5", admin, null, chatbot), 200);
            ok(call("POST", "/admin/ai/chatbots/{chatbotId}/rls-checks/run", admin, null, chatbot), 200);
            ok(call("GET", "/admin/ai/chatbots/{chatbotId}/rls-checks/{checkId}", admin, null, chatbot, check), 200);
            ok(call("PUT", "/admin/ai/chatbots/{chatbotId}/rls-checks/{checkId}", admin, "{\"question\":\"Are orders hidden?\"}", chatbot, check), 200);
            ok(call("POST", "/admin/ai/chatbots/{chatbotId}/rls-checks/{checkId}/run", admin, null, chatbot, check), 200);
            ok(call("GET", "/admin/ai/chatbots/{chatbotId}/rls-checks/{checkId}/runs", admin, null, chatbot, check), 200);
            ok(call("GET", "/admin/ai/chatbots/{id}", admin, null, chatbot), 200);
        } finally {
            ok(call("DELETE", "/admin/ai/chatbots/{chatbotId}/rls-checks/{checkId}", admin, null, chatbot, check), 200);
        }
    }

    @Test
    @Order(8)
    void usageConsoleAndTestingHooks() {
        ok(call("GET", "/admin/ai/usage?group_by=day", admin, null), 200);
        ok(call("GET", "/admin/ai/usage?group_by=week", admin, null), 400);
        ok(call("GET", "/ai/console/config", null, null), 200);
        ok(call("GET", "/admin/ai/testing/clock", admin, null), 200);
        ok(call("PUT", "/admin/ai/testing/clock", admin, "{\"offset_seconds\":0}"), 200);
        ok(call("POST", "/admin/ai/testing/run-jobs", admin, null), 200);
    }

    /** Every operation refuses a bad token; every admin operation a user's token; unknown ids answer documented errors. */
    @Test
    @Order(9)
    void errorAnswersConformToo() {
        String user = server.tokens().userToken("openapi-stranger-" + run);
        for (String operation : document.operations()) {
            String[] methodAndPath = operation.split(" ", 2);
            String method = methodAndPath[0];
            String template = methodAndPath[1].substring(V1.length());
            boolean multipart = document.operation(method, methodAndPath[1]).path("requestBody").path("content").has("multipart/form-data");
            if (multipart) {
                continue; // a JSON body would be refused as 415 before any filter: the multipart uploads are called above
            }
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            ok(call(method, template, "not-a-token", body, unknowns(template)), 401);
            if (template.startsWith("/admin/")) {
                ok(call(method, template, user, body, unknowns(template)), 403);
            }
            if (PARAMETER.matcher(template).find()) {
                ApiResponse unknown = call(method, template, admin, body, unknowns(template));
                assertThat(unknown.status()).as(operation + " with unknown ids: " + unknown).isBetween(400, 499);
            }
            if (template.contains("{key}")) {
                ApiResponse invalid = call(method, template, admin, body, "1-not-a-key");
                assertThat(invalid.status()).as(operation + " with an invalid key: " + invalid).isBetween(400, 499);
            }
        }
    }

    @AfterAll
    static void everyOperationWasAnsweredWithSuccess() {
        if (document != null) {
            assertThat(SUCCEEDED).as("operations answered with success by this class").containsAll(document.operations());
        }
    }

    /** Calls an operation given as its documented path (under /api/v1), and checks the answer against the document. */
    private ApiResponse call(String method, String template, String token, String body, String... parameters) {
        String[] pathAndQuery = template.split("\\?", 2);
        String path = fill(pathAndQuery[0], parameters);
        ApiResponse response = server.call(method, V1 + path + (pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : ""), token, body);
        return checked(method, pathAndQuery[0], response);
    }

    private ApiResponse checked(String method, String template, ApiResponse response) {
        assertThat(document.violations(method, V1 + template, response.status(), response.body()))
                .as(method + " " + template + " answered " + response).isEmpty();
        if (response.status() < 300) {
            SUCCEEDED.add(method + " " + V1 + template);
        }
        return response;
    }

    private static ApiResponse ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static String fill(String template, String... parameters) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(parameters[index++]));
        }
        matcher.appendTail(path);
        assertThat(index).as("parameters of " + template).isEqualTo(parameters.length);
        return path.toString();
    }

    /** Ids nobody has: a UUID, or a setting key of the right shape. */
    private String[] unknowns(String template) {
        List<String> values = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            values.add(matcher.group(1).equals("key") ? "openapi.unknown_" + run.replace('-', '_') : UUID.randomUUID().toString());
        }
        return values.toArray(String[]::new);
    }

    private String converse(String user, String chatbot) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, "default");
            server.llm().enqueue(Reply.text("All fine.").usage(12, 3));
            chat.message(id, "Is everything fine?");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
            return id;
        }
    }

    private void awaitIndexed(String kb, String document) {
        Eventually.await("document " + document + " indexed", Duration.ofSeconds(60), () -> "indexed".equals(
                server.get(V1 + "/admin/ai/knowledge-bases/" + kb + "/documents/" + document, admin).json().getString("status")));
    }

    /** A text file as the SDK's FormData sends it: the part "file" with a file name, and a title. */
    private ApiResponse upload(String template, String token, String kb) {
        String boundary = "----openapi-conformance";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes-" + run + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nUploaded notes on leave and holidays.\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nUploaded notes\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.http(V1 + fill(template, kb))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return checked("POST", template, server.send(request));
    }

    /** The schema the table-export ITs use (made anew), which export_reader reads in full. */
    private void createExportFixture() {
        try (InputStream script = OpenApiConformanceIT.class.getResourceAsStream("/knowledge/table-export-fixture.sql");
                Connection connection = server.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SQLException e) {
            throw new AssertionError("could not create the table-export fixture", e);
        }
    }
}
