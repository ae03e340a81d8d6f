package dev.fluxbase.ai.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fake over real HTTP, the way the server under test will. */
class FakeLlmServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String OPENAI_CHAT = "/v1/chat/completions";
    private static final String AZURE_CHAT = "/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21";
    private static final String OLLAMA_CHAT = "/api/chat";
    private static final String STREAMING_REQUEST = """
            {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hi"}]}""";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private FakeLlmServer server;

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    // --- OpenAI -------------------------------------------------------------------------------

    @Test
    void openAiStreamsOneChunkPerDeltaWithoutUsageByDefault() throws Exception {
        server.enqueue(Reply.text("Hel", "lo"));

        HttpResponse<String> response = post(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonObject> chunks = sseChunks(response.body());
        assertThat(chunks).hasSize(4).allSatisfy(chunk -> {
            assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
            assertThat(chunk.getString("model")).isEqualTo("gpt-4o-mini");
            assertThat(chunk.getString("id")).startsWith("chatcmpl-");
            assertThat(chunk).doesNotContainKey("usage");
        });
        assertThat(delta(chunks.get(0)).getString("role")).isEqualTo("assistant");
        assertThat(delta(chunks.get(0)).getString("content")).isEmpty();
        assertThat(delta(chunks.get(1)).getString("content")).isEqualTo("Hel");
        assertThat(delta(chunks.get(2)).getString("content")).isEqualTo("lo");
        assertThat(delta(chunks.get(3))).isEmpty();
        assertThat(choice(chunks.get(3)).getString("finish_reason")).isEqualTo("stop");
        assertThat(choice(chunks.get(1)).isNull("finish_reason")).isTrue();
    }

    @Test
    void openAiAddsUsageChunkBeforeDoneWhenRequested() throws Exception {
        server.enqueue(Reply.text("a", "b").usage(7, 3));

        HttpResponse<String> response = post(OPENAI_CHAT, """
                {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[]}""");

        List<JsonObject> chunks = sseChunks(response.body());
        JsonObject last = chunks.get(chunks.size() - 1);
        assertThat(last.getJsonArray("choices")).isEmpty();
        assertThat(last.getJsonObject("usage")).isEqualTo(json("""
                {"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}"""));
        assertThat(choice(chunks.get(chunks.size() - 2)).getString("finish_reason")).isEqualTo("stop");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void openAiStreamsToolCallArgumentsInPiecesThatConcatenateToTheScript() throws Exception {
        String weatherArguments = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
        Reply reply = Reply.toolCall("get_weather", weatherArguments).andToolCall("get_time", "{}");
        server.enqueue(reply);

        List<JsonObject> chunks = sseChunks(post(OPENAI_CHAT, STREAMING_REQUEST).body());

        List<JsonObject> toolCallDeltas = chunks.stream()
                .map(FakeLlmServerTest::delta)
                .filter(delta -> delta.containsKey("tool_calls"))
                .map(delta -> delta.getJsonArray("tool_calls").getJsonObject(0))
                .toList();
        assertThat(openingToolCall(toolCallDeltas, 0).getString("id")).isEqualTo(reply.toolCallIds().get(0));
        assertThat(openingToolCall(toolCallDeltas, 0).getJsonObject("function").getString("name")).isEqualTo("get_weather");
        assertThat(openingToolCall(toolCallDeltas, 1).getString("id")).isEqualTo(reply.toolCallIds().get(1));
        assertThat(argumentPieces(toolCallDeltas, 0)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("", argumentPieces(toolCallDeltas, 0))).isEqualTo(weatherArguments);
        assertThat(argumentPieces(toolCallDeltas, 1)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", argumentPieces(toolCallDeltas, 1))).isEqualTo("{}");
        assertThat(reply.toolCallIds()).allMatch(id -> id.startsWith("call_")).doesNotHaveDuplicates();
        assertThat(choice(chunks.get(chunks.size() - 1)).getString("finish_reason")).isEqualTo("tool_calls");
    }

    @Test
    void openAiWithoutStreamAnswersOneCompletionObject() throws Exception {
        Reply reply = Reply.text("Let me ", "check.").andToolCall("lookup", "{\"q\":1}").usage(12, 5);
        server.enqueue(reply);

        HttpResponse<String> response = post(OPENAI_CHAT, """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}""");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonObject completion = json(response.body());
        assertThat(completion.getString("object")).isEqualTo("chat.completion");
        JsonObject message = completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
        assertThat(message.getString("content")).isEqualTo("Let me check.");
        JsonObject toolCall = message.getJsonArray("tool_calls").getJsonObject(0);
        assertThat(toolCall.getString("id")).isEqualTo(reply.toolCallIds().get(0));
        assertThat(toolCall.getJsonObject("function").getString("arguments")).isEqualTo("{\"q\":1}");
        assertThat(completion.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("tool_calls");
        assertThat(completion.getJsonObject("usage").getInt("total_tokens")).isEqualTo(17);
    }

    @Test
    void openAiRejectsWrongBearerTokenWithoutConsumingTheReply() throws Exception {
        server.requireApiKey("sk-right");
        server.enqueue(Reply.text("ok"));

        HttpResponse<String> rejected = post(OPENAI_CHAT, STREAMING_REQUEST, "Authorization", "Bearer sk-wrong");
        HttpResponse<String> accepted = post(OPENAI_CHAT, STREAMING_REQUEST, "Authorization", "Bearer sk-right");

        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(json(rejected.body())).isEqualTo(json("""
                {"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"""));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(2);
    }

    // --- Azure --------------------------------------------------------------------------------

    @Test
    void azureStartsWithPromptFilterChunkAndReportsTheRealModel() throws Exception {
        server.requireApiKey("azure-key");
        server.enqueue(Reply.text("Hi"));

        HttpResponse<String> response = post(AZURE_CHAT, STREAMING_REQUEST, "api-key", "azure-key");

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonObject> chunks = sseChunks(response.body());
        assertThat(chunks.get(0).getJsonArray("choices")).isEmpty();
        assertThat(chunks.get(0).getJsonArray("prompt_filter_results")).isNotEmpty();
        assertThat(chunks.subList(1, chunks.size())).allSatisfy(chunk ->
                assertThat(chunk.getString("model")).isEqualTo("gpt-4o"));
        assertThat(delta(chunks.get(2)).getString("content")).isEqualTo("Hi");
        RecordedRequest request = server.awaitRequest(TIMEOUT);
        assertThat(request.path()).isEqualTo("/openai/deployments/my-gpt/chat/completions");
        assertThat(request.queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(request.headers()).containsKey("api-key").allSatisfy((name, values) ->
                assertThat(name).isLowerCase());
        assertThat(request.header("API-KEY")).isEqualTo("azure-key");
        assertThat(request.json().getString("model")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void azureRejectsWrongApiKey() throws Exception {
        server.requireApiKey("azure-key");
        server.enqueue(Reply.text("unused"));

        HttpResponse<String> wrongKey = post(AZURE_CHAT, STREAMING_REQUEST, "api-key", "other");
        HttpResponse<String> bearerInstead = post(AZURE_CHAT, STREAMING_REQUEST, "Authorization", "Bearer azure-key");

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(bearerInstead.statusCode()).isEqualTo(401);
        assertThat(json(wrongKey.body()).getJsonObject("error").getString("code")).isEqualTo("invalid_api_key");
        assertThat(server.pendingReplies()).isEqualTo(1);
    }

    // --- Ollama -------------------------------------------------------------------------------

    @Test
    void ollamaStreamsNdjsonWithToolCallArgumentsAsAnObject() throws Exception {
        server.requireApiKey("ignored by ollama");
        server.enqueue(Reply.text("Checking").andToolCall("get_weather", "{\"city\":\"Paris\"}").usage(20, 4));

        HttpResponse<String> response = post(OLLAMA_CHAT, """
                {"model":"llama3.2","messages":[{"role":"user","content":"Weather?"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        List<JsonObject> lines = response.body().lines().map(FakeLlmServerTest::json).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).getString("model")).isEqualTo("llama3.2");
        assertThat(lines.get(0).getBoolean("done")).isFalse();
        assertThat(lines.get(0).getJsonObject("message").getString("content")).isEqualTo("Checking");
        JsonObject toolCall = lines.get(1).getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
        assertThat(toolCall).doesNotContainKey("id");
        assertThat(toolCall.getJsonObject("function").get("arguments").getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
        assertThat(toolCall.getJsonObject("function").getJsonObject("arguments")).isEqualTo(json("{\"city\":\"Paris\"}"));
        JsonObject done = lines.get(2);
        assertThat(done.getBoolean("done")).isTrue();
        assertThat(done.getString("done_reason")).isEqualTo("stop");
        assertThat(done.getInt("prompt_eval_count")).isEqualTo(20);
        assertThat(done.getInt("eval_count")).isEqualTo(4);
        assertThat(done.getString("created_at")).endsWith("Z");
    }

    @Test
    void ollamaWithStreamFalseAnswersTheFinalObjectWithTheWholeMessage() throws Exception {
        server.enqueue(Reply.text("Hello", " world"));

        HttpResponse<String> response = post(OLLAMA_CHAT, """
                {"model":"llama3.2","stream":false,"messages":[]}""");

        JsonObject answer = json(response.body());
        assertThat(answer.getBoolean("done")).isTrue();
        assertThat(answer.getJsonObject("message").getString("content")).isEqualTo("Hello world");
        assertThat(answer.getInt("prompt_eval_count")).isEqualTo(10);
        assertThat(answer.getInt("eval_count")).isEqualTo(2);
    }

    // --- Embeddings ---------------------------------------------------------------------------

    @Test
    void openAiEmbeddingsAreNormalisedDeterministicAndCloserForSharedWords() throws Exception {
        server.enqueue(Reply.text("kept for chat"));
        List<String> texts = List.of("The cat sat on the mat", "A cat on a mat", "Quarterly revenue grew strongly");

        JsonObject answer = json(post("/v1/embeddings", """
                {"model":"text-embedding-3-small","dimensions":64,"input":["The cat sat on the mat","A cat on a mat","Quarterly revenue grew strongly"]}""")
                .body());

        assertThat(answer.getString("object")).isEqualTo("list");
        assertThat(answer.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(6 + 5 + 4);
        JsonArray data = answer.getJsonArray("data");
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(data.getJsonObject(i).getInt("index")).isEqualTo(i);
            float[] vector = floats(data.getJsonObject(i).getJsonArray("embedding"));
            assertThat(vector).hasSize(64).containsExactly(FakeLlmServer.embed(texts.get(i), 64));
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-5));
            vectors.add(vector);
        }
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.3);
        assertThat(server.pendingReplies()).as("embeddings are not scripted").isEqualTo(1);
    }

    @Test
    void azureEmbeddingsDefaultTo384Dimensions() throws Exception {
        JsonObject answer = json(post("/openai/deployments/embed/embeddings?api-version=2024-10-21", """
                {"input":"hello world"}""").body());

        float[] vector = floats(answer.getJsonArray("data").getJsonObject(0).getJsonArray("embedding"));
        assertThat(vector).hasSize(384).containsExactly(FakeLlmServer.embed("Hello, WORLD!", 384));
    }

    @Test
    void ollamaEmbedReturnsOneVectorPerInput() throws Exception {
        JsonObject answer = json(post("/api/embed", """
                {"model":"nomic-embed-text","input":["first text","second"]}""").body());

        JsonArray embeddings = answer.getJsonArray("embeddings");
        assertThat(embeddings).hasSize(2);
        assertThat(floats(embeddings.getJsonArray(0))).containsExactly(FakeLlmServer.embed("first text", 384));
        assertThat(answer.getString("model")).isEqualTo("nomic-embed-text");
        assertThat(answer.getInt("prompt_eval_count")).isEqualTo(3);
    }

    // --- Failures -----------------------------------------------------------------------------

    @Test
    void httpErrorSendsStatusBodyAndExtraHeaders() throws Exception {
        String body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        server.enqueue(Reply.httpError(429, body).header("Retry-After", "2"));

        HttpResponse<String> response = post(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void emptyQueueAnswers500AndTheRequestIsStillRecorded() throws Exception {
        HttpResponse<String> response = post(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response.body()).getJsonObject("error").getString("message"))
                .isEqualTo("fake provider: no scripted reply");
        assertThat(server.awaitRequest(TIMEOUT).path()).isEqualTo(OPENAI_CHAT);
    }

    @Test
    void unknownPathAnswers404Json() throws Exception {
        HttpResponse<String> response = post("/v1/completions", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).getJsonObject("error").getString("message")).contains("/v1/completions");
    }

    @Test
    void disconnectAfterMakesTheClientFailWithoutDone() throws Exception {
        server.enqueue(Reply.text("a", "b", "c", "d").disconnectAfter(2));

        Transcript transcript = readStream(OPENAI_CHAT, STREAMING_REQUEST);

        // How many lines the JDK client hands out before the failure is its own race; the failure is certain.
        assertThat(transcript.failure()).isInstanceOf(IOException.class);
        assertThat(transcript.dataLines()).doesNotContain("[DONE]").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void disconnectAfterClosesTheSocketWithoutTheTerminatingChunk() throws Exception {
        server.enqueue(Reply.text("alpha", "beta", "gamma").disconnectAfter(2));

        String raw = rawExchange(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(raw).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
                .contains("\"alpha\"", "\"beta\"")
                .doesNotContain("gamma", "finish_reason\":\"stop", "[DONE]")
                .doesNotEndWith("0\r\n\r\n");
    }

    @Test
    void disconnectOnANonStreamingRequestSendsNoResponse() {
        server.enqueue(Reply.text("never sent").disconnectAfter(0));

        assertThatThrownBy(() -> post(OPENAI_CHAT, "{\"model\":\"m\",\"messages\":[]}"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void stallAfterHoldsTheStreamOpenUntilTheServerCloses() throws Exception {
        server.enqueue(Reply.text("a", "b", "c").stallAfter(1));
        HttpResponse<InputStream> response = postForStream(OLLAMA_CHAT, "{\"model\":\"llama3.2\",\"messages\":[]}");
        BufferedReader reader = reader(response);

        assertThat(json(reader.readLine()).getJsonObject("message").getString("content")).isEqualTo("a");
        assertThat(server.openStreams()).isEqualTo(1);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            server.close();
            assertThatThrownBy(() -> drain(reader)).isInstanceOf(IOException.class);
        });
        assertThat(server.openStreams()).isZero();
    }

    @Test
    void heldRepliesWaitUntilReleasedThenAnswerAsScripted() throws Exception {
        server.enqueue(Reply.text("first").held(), Reply.text("second").held());
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(request(OPENAI_CHAT, STREAMING_REQUEST), BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(request(OPENAI_CHAT, STREAMING_REQUEST), BodyHandlers.ofString());
        server.awaitHeldReplies(2, TIMEOUT);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        server.releaseHeld();

        // Either request may have taken either reply.
        assertThat(first.get().body() + second.get().body()).contains("\"first\"", "\"second\"");
        assertThat(server.heldReplies()).isZero();
    }

    @Test
    void openStreamsDropsToZeroWhenTheClientAbandonsAStream() throws Exception {
        String[] deltas = new String[100];
        Arrays.fill(deltas, "x");
        server.enqueue(Reply.text(deltas).chunkDelay(Duration.ofMillis(20)));
        HttpResponse<InputStream> response = postForStream(OPENAI_CHAT, STREAMING_REQUEST);
        BufferedReader reader = reader(response);
        assertThat(reader.readLine()).startsWith("data: ");
        assertThat(server.openStreams()).isEqualTo(1);

        reader.close();

        server.awaitOpenStreams(0, TIMEOUT);
    }

    // --- Delivery and bookkeeping -------------------------------------------------------------

    @Test
    void chunkDelayDeliversEachChunkAsSoonAsItIsWritten() throws Exception {
        server.enqueue(Reply.text("one", "two", "three").chunkDelay(Duration.ofMillis(200)));

        Transcript transcript = readStream(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(transcript.failure()).isNull();
        Line first = transcript.lines().stream().filter(line -> line.text().contains("\"one\"")).findFirst().orElseThrow();
        Line done = transcript.lines().stream().filter(line -> line.text().equals("data: [DONE]")).findFirst().orElseThrow();
        // Four more frames, 200 ms apart, are written after "one": buffering would make both arrive together.
        assertThat(Duration.ofNanos(done.arrivedNanos() - first.arrivedNanos())).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void awaitRequestReturnsEachRequestOnceInArrivalOrder() throws Exception {
        post("/api/embed", "{\"input\":\"first\"}");
        post("/api/embed", "{\"input\":\"second\"}");

        assertThat(server.awaitRequest(TIMEOUT).json().getString("input")).isEqualTo("first");
        assertThat(server.awaitRequest(TIMEOUT).json().getString("input")).isEqualTo("second");
        assertThatThrownBy(() -> server.awaitRequest(Duration.ofMillis(50))).isInstanceOf(AssertionError.class);

        CompletableFuture<HttpResponse<String>> later = http.sendAsync(request("/api/embed", "{\"input\":\"third\"}"),
                BodyHandlers.ofString());
        assertThat(server.awaitRequest(TIMEOUT).json().getString("input")).isEqualTo("third");
        assertThat(later.get().statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void resetClearsRepliesRequestsCursorAndKey() throws Exception {
        server.requireApiKey("key");
        server.enqueue(Reply.text("dropped"));
        post("/api/embed", "{\"input\":\"before\"}");
        server.awaitRequest(TIMEOUT);

        server.reset();
        HttpResponse<String> unauthenticated = post(OPENAI_CHAT, STREAMING_REQUEST);

        assertThat(unauthenticated.statusCode()).as("no key required, but no reply left").isEqualTo(500);
        assertThat(server.requests()).hasSize(1);
        assertThat(server.awaitRequest(TIMEOUT).path()).isEqualTo(OPENAI_CHAT);
    }

    // --- Helpers ------------------------------------------------------------------------------

    private record Line(String text, long arrivedNanos) {
    }

    /** Everything a client read from a stream, and how the stream ended (null: cleanly). */
    private record Transcript(List<Line> lines, IOException failure) {
        /** SSE payloads, without the "data: " prefix. */
        List<String> dataLines() {
            return lines.stream().map(Line::text).filter(text -> text.startsWith("data: "))
                    .map(text -> text.substring("data: ".length())).toList();
        }
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return http.send(request(path, body, headers), BodyHandlers.ofString());
    }

    private HttpResponse<InputStream> postForStream(String path, String body) throws Exception {
        return http.send(request(path, body), BodyHandlers.ofInputStream());
    }

    private HttpRequest request(String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    /** Reads until the server closes the socket, to see the exact bytes of a dropped response. */
    private String rawExchange(String path, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Transcript readStream(String path, String body) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = reader(postForStream(path, body))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(new Line(line, System.nanoTime()));
            }
            return new Transcript(lines, null);
        } catch (IOException e) {
            return new Transcript(lines, e);
        }
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static void drain(BufferedReader reader) throws IOException {
        while (reader.readLine() != null) {
            // read until the end or a failure
        }
    }

    private static List<JsonObject> sseChunks(String body) {
        return body.lines()
                .filter(line -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
                .map(line -> json(line.substring("data: ".length())))
                .collect(Collectors.toList());
    }

    private static JsonObject choice(JsonObject chunk) {
        return chunk.getJsonArray("choices").getJsonObject(0);
    }

    private static JsonObject delta(JsonObject chunk) {
        return choice(chunk).getJsonObject("delta");
    }

    private static JsonObject openingToolCall(List<JsonObject> toolCallDeltas, int index) {
        return toolCallDeltas.stream()
                .filter(call -> call.getInt("index") == index && call.containsKey("id"))
                .findFirst().orElseThrow();
    }

    private static List<String> argumentPieces(List<JsonObject> toolCallDeltas, int index) {
        return toolCallDeltas.stream()
                .filter(call -> call.getInt("index") == index && !call.containsKey("id"))
                .map(call -> call.getJsonObject("function").getString("arguments"))
                .toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static float[] floats(JsonArray array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.getJsonNumber(i).doubleValue();
        }
        return values;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
