package dev.fluxbase.ai.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Anthropic, Gemini and Entra ID wire formats, over real HTTP. */
class FakeNativeProvidersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ANTHROPIC = "/v1/messages";
    private static final String GEMINI = "/v1beta/models/gemini-it:streamGenerateContent?alt=sse";
    private static final String ANTHROPIC_REQUEST = """
            {"model":"claude-it","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""";
    private static final String GEMINI_REQUEST = """
            {"contents":[{"role":"user","parts":[{"text":"Hi"}]}]}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private FakeLlmServer server;

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    @Test
    void anthropicStreamsNamedEventsTextBlocksToolInputPiecesAndUsage() throws Exception {
        Reply reply = Reply.text("Hel", "lo").andToolCall("execute_sql", "{\"query\":\"SELECT 1\"}").usage(30, 9);
        server.enqueue(reply);

        HttpResponse<String> response = post(ANTHROPIC, ANTHROPIC_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        List<String> names = response.body().lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).distinct().toList();
        assertThat(names).containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        List<JsonObject> events = data(response.body());
        assertThat(events.get(0).getJsonObject("message").getString("model")).isEqualTo("claude-it");
        assertThat(events.get(0).getJsonObject("message").getJsonObject("usage").getInt("input_tokens")).isEqualTo(30);
        assertThat(events).filteredOn(e -> e.getString("type").equals("content_block_delta"))
                .extracting(e -> e.getJsonObject("delta").getString("type")).startsWith("text_delta", "text_delta", "input_json_delta");
        JsonObject toolStart = events.stream().filter(e -> e.getString("type").equals("content_block_start") && e.getInt("index") == 1)
                .findFirst().orElseThrow().getJsonObject("content_block");
        assertThat(toolStart.getString("type")).isEqualTo("tool_use");
        assertThat(toolStart.getString("id")).isEqualTo(reply.toolCallIds().get(0));
        String input = events.stream().filter(e -> e.getString("type").equals("content_block_delta") && e.getInt("index") == 1)
                .map(e -> e.getJsonObject("delta").getString("partial_json")).collect(Collectors.joining());
        assertThat(input).isEqualTo("{\"query\":\"SELECT 1\"}");
        JsonObject end = events.get(events.size() - 2);
        assertThat(end.getJsonObject("delta").getString("stop_reason")).isEqualTo("tool_use");
        assertThat(end.getJsonObject("usage").getInt("output_tokens")).isEqualTo(9);
    }

    @Test
    void anthropicRefusesAWrongKeyWithItsOwnError() throws Exception {
        server.requireApiKey("sk-ant-right");
        server.enqueue(Reply.text("ok"));

        HttpResponse<String> refused = post(ANTHROPIC, ANTHROPIC_REQUEST, "x-api-key", "sk-ant-wrong");
        HttpResponse<String> accepted = post(ANTHROPIC, ANTHROPIC_REQUEST, "x-api-key", "sk-ant-right");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused.body()).getJsonObject("error").getString("type")).isEqualTo("authentication_error");
        assertThat(accepted.statusCode()).isEqualTo(200);
    }

    @Test
    void geminiStreamsWholeResponsesWithFunctionCallsAndTheUsageLast() throws Exception {
        server.enqueue(Reply.text("Bon", "jour").andToolCall("lookup", "{\"q\":1}").usage(12, 5));

        HttpResponse<String> response = post(GEMINI, GEMINI_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\r\n\r\n").doesNotContain("[DONE]").doesNotContain("event:");
        List<JsonObject> events = data(response.body());
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.getString("modelVersion")).isEqualTo("gemini-it"));
        assertThat(part(events.get(0)).getString("text")).isEqualTo("Bon");
        assertThat(part(events.get(1)).getString("text")).isEqualTo("jour");
        JsonObject call = part(events.get(2)).getJsonObject("functionCall");
        assertThat(call.getString("name")).isEqualTo("lookup");
        assertThat(call.getJsonObject("args").getInt("q")).isEqualTo(1);
        assertThat(call.containsKey("id")).isFalse();
        JsonObject last = events.get(3);
        assertThat(last.getJsonArray("candidates").getJsonObject(0).getString("finishReason")).isEqualTo("STOP");
        assertThat(last.getJsonObject("usageMetadata")).isEqualTo(json("""
                {"promptTokenCount":12,"candidatesTokenCount":5,"totalTokenCount":17}"""));
    }

    @Test
    void geminiAnswersAWrongKeyWith400AsGoogleDoes() throws Exception {
        server.requireApiKey("AIza-right");

        HttpResponse<String> refused = post(GEMINI, GEMINI_REQUEST, "x-goog-api-key", "AIza-wrong");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonObject error = json(refused.body()).getJsonObject("error");
        assertThat(error.getString("status")).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.getJsonArray("details").getJsonObject(0).getString("reason")).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void entraIdIssuesANewTokenPerRequestToTheKnownClientOnly() throws Exception {
        server.entra().register("tenant-1", "client-1", "secret-1", "https://cognitiveservices.azure.com/.default", 3600);
        Map<String, String> good = Map.of("grant_type", "client_credentials", "client_id", "client-1", "client_secret", "secret-1",
                "scope", "https://cognitiveservices.azure.com/.default");

        JsonObject first = json(postForm("/tenant-1/oauth2/v2.0/token", good).body());
        JsonObject second = json(postForm("/tenant-1/oauth2/v2.0/token", good).body());
        HttpResponse<String> wrongSecret = postForm("/tenant-1/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                "client_id", "client-1", "client_secret", "nope", "scope", "https://cognitiveservices.azure.com/.default"));
        HttpResponse<String> wrongTenant = postForm("/tenant-2/oauth2/v2.0/token", good);

        assertThat(first.getString("access_token")).isEqualTo(FakeEntraId.token(1));
        assertThat(first.getString("token_type")).isEqualTo("Bearer");
        assertThat(first.getInt("expires_in")).isEqualTo(3600);
        assertThat(second.getString("access_token")).isEqualTo(FakeEntraId.token(2));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret.body()).getString("error")).isEqualTo("invalid_client");
        assertThat(wrongTenant.statusCode()).isEqualTo(400);
        assertThat(server.entra().tokensIssued()).isEqualTo(2);
        assertThat(server.requests().get(0).formParameter("client_secret")).isEqualTo("secret-1");
    }

    @Test
    void azureTakesAnIssuedTokenInsteadOfTheKey() throws Exception {
        server.requireApiKey("az-key");
        server.entra().register("t", "c", "s", "scope", 60);
        String token = json(postForm("/t/oauth2/v2.0/token", Map.of("grant_type", "client_credentials", "client_id", "c",
                "client_secret", "s", "scope", "scope")).body()).getString("access_token");
        server.enqueue(Reply.text("ok"));
        String chat = "/openai/deployments/d/chat/completions?api-version=2024-10-21";
        String body = "{\"stream\":true,\"messages\":[]}";

        assertThat(post(chat, body, "Authorization", "Bearer forged").statusCode()).isEqualTo(401);
        assertThat(post(chat, body, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    private static JsonObject part(JsonObject event) {
        return event.getJsonArray("candidates").getJsonObject(0).getJsonObject("content").getJsonArray("parts").getJsonObject(0);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    private static List<JsonObject> data(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> json(line.substring(6))).toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
