package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiDocument;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's first run, as a new user does it: {@code OPENAI_API_KEY=... OPENAI_BASE_URL=... ./payara/run.sh} on
 * its own private database (a second PostgreSQL cluster under its own FLUXBASE_HOME), the terminal read as the
 * user reads it, then the README's question to sql-assistant with the printed user token, answered with the demo
 * shop's rows under row-level security, and the support assistant answering from its knowledge bases' files.
 */
@ExtendWith(FluxbaseServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstRunIT {

    /** Building nothing, but a fresh PostgreSQL cluster and a Payara Micro boot on a busy machine. */
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Pattern TOKEN = Pattern.compile("^\\s*(USER_TOKEN|SERVICE_KEY)=(\\S+)$");

    private final List<String> terminal = new CopyOnWriteArrayList<>();
    private ServerUnderTest server;
    private Process runScript;
    private int port;
    private String userToken;
    private String serviceKey;

    @BeforeAll
    void startTheRunScriptAsTheReadmeSays(ServerUnderTest server) throws Exception {
        this.server = server;
        Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        Path home = Path.of(System.getProperty("it.buildDir", "target")).toAbsolutePath().resolve("first-run-home");
        deleteRecursively(home);
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(projectDir.resolve("payara/run.sh").toString()).directory(projectDir.toFile());
        Map<String, String> environment = builder.environment();
        // a new user's shell: none of the test run's settings
        environment.keySet().removeIf(name -> name.startsWith("FLUXBASE_") || name.startsWith("MP_JWT_") || name.startsWith("OPENAI_")
                || name.startsWith("OLLAMA_"));
        environment.put("FLUXBASE_HOME", home.toString());
        environment.put("FLUXBASE_PORT", String.valueOf(port));
        environment.put("FLUXBASE_READY_TIMEOUT", String.valueOf(STARTUP.toSeconds()));
        environment.put("OPENAI_API_KEY", "sk-x");
        environment.put("OPENAI_BASE_URL", server.llm().openAiBaseUrl());
        builder.redirectErrorStream(true);
        runScript = builder.start();
        Thread reader = new Thread(this::readTerminal, "run.sh terminal");
        reader.setDaemon(true);
        reader.start();
        Eventually.await("run.sh's banner", STARTUP, () -> terminal.stream().anyMatch(line -> line.contains("Stop with Ctrl-C."))
                || !runScript.isAlive());
        assertThat(String.join("\n", terminal)).contains("Stop with Ctrl-C.");
        for (String line : terminal) {
            Matcher token = TOKEN.matcher(line);
            if (token.matches()) {
                if (token.group(1).equals("USER_TOKEN")) {
                    userToken = token.group(2);
                } else {
                    serviceKey = token.group(2);
                }
            }
        }
        assertThat(userToken).as(String.join("\n", terminal)).isNotNull();
        assertThat(serviceKey).isNotNull();
    }

    @AfterAll
    void stopItWithCtrlC() throws Exception {
        if (runScript != null) {
            // SIGTERM, which run.sh handles as it handles Ctrl-C (Process.destroy would also close the terminal)
            runScript.toHandle().destroy();
            assertThat(runScript.waitFor(120, TimeUnit.SECONDS)).as("run.sh stopped").isTrue();
            // and so did the PostgreSQL it started: its cluster has no postmaster any more
            Matcher cluster = Pattern.compile("creating a private PostgreSQL cluster in (\\S+)").matcher(String.join("\n", terminal));
            assertThat(cluster.find()).isTrue();
            assertThat(Path.of(cluster.group(1), "postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void theTerminalSaysWhichProviderAnswersAndShowsOurLinesNotPayarasBootOutput() {
        String shown = String.join("\n", terminal);

        assertThat(shown).contains("[fluxbase] LLM provider: openai at " + server.llm().openAiBaseUrl() + ", model gpt-4o-mini (from OPENAI_API_KEY)")
                .contains("[fluxbase] demo shop loaded").contains("Fluxbase AI chatbot server is ready");
        // Payara's boot output (its banner, the routes it lists, its INFO records) stays in the log file
        assertThat(shown).doesNotContain("Payara Micro URLs").doesNotContain("[INFO]").doesNotContain("/api/v1/admin/ai/chatbots/sync");
        assertThat(terminal.size()).isLessThan(60);
    }

    @Test
    void theSqlAssistantAnswersTheReadmesQuestionWithTheUsersOwnOrdersOnly() {
        server.llm().reset();
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder()
                        .add("sql", "SELECT status, sum(total) AS spent, count(*) AS orders FROM orders GROUP BY status ORDER BY status").build().toString()),
                Reply.text("You spent 60.80 EUR on delivered orders."));
        List<JsonObject> frames;
        try (ChatClient chat = ChatClient.connect(URI.create("ws://localhost:" + port + "/ai/ws?token=" + userToken))) {
            String conversation = chat.startChat("sql-assistant", "default");
            chat.message(conversation, "How much have I spent on orders, by status?");
            frames = chat.turn(conversation, Duration.ofSeconds(60));
        }

        assertThat(frames.get(frames.size() - 1).getString("type")).as(frames.toString()).isEqualTo("done");
        JsonObject result = frames.stream().filter(f -> f.getString("type").equals("query_result")).findFirst().orElseThrow();
        // the demo user's orders of payara/demo/schema.sql; the other users' (a cancelled one among them) stay hidden
        assertThat(result.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(row -> row.getString("status") + " " + row.get("spent") + " " + row.get("orders")).toList())
                .containsExactly("delivered 60.80 3", "placed 149.00 1", "shipped 34.00 1");
        String systemPrompt = server.llm().requests().get(0).json().getJsonArray("messages").getJsonObject(0).getString("content");
        assertThat(systemPrompt).as("the demo tables described to the model").contains("orders", "products", "Price in EUR");
    }

    @Test
    void theSupportAssistantAnswersFromItsKnowledgeBasesFiles() {
        Eventually.await("the knowledge directory's files indexed", STARTUP, this::knowledgeFilesIndexed);
        assertThat(get("/api/v1/admin/ai/knowledge-bases").getJsonArray("knowledge_bases").getValuesAs(JsonObject.class).stream()
                .map(kb -> kb.getString("name") + " " + kb.getInt("document_count")).toList()).contains("product-docs 2", "faq 2");
        server.llm().reset();
        server.llm().enqueue(Reply.text("Orders placed before 14:00 leave the same day."));
        try (ChatClient chat = ChatClient.connect(URI.create("ws://localhost:" + port + "/ai/ws?token=" + userToken))) {
            String conversation = chat.startChat("support-assistant", "default");
            chat.message(conversation, "How long does shipping take?");
            List<JsonObject> frames = chat.turn(conversation, Duration.ofSeconds(60));
            assertThat(frames.get(frames.size() - 1).getString("type")).as(frames.toString()).isEqualTo("done");
        }
        RecordedRequest asked = server.llm().requests().get(0);
        assertThat(asked.json().getJsonArray("messages").getJsonObject(0).getString("content"))
                .contains("Delivery takes 1 to 2 working days");
    }

    /** The README's first-run step for the weather assistant: its secret setting, stored sealed, then the chatbot answers. */
    @Test
    void theWeatherAssistantAnswersOnceItsSecretIsSetAsTheReadmeShows() {
        JsonObject before = weatherTurn();
        assertThat(before.getString("code", "")).as(before.toString()).isEqualTo("SETTINGS_MISSING");

        HttpResponse<String> set = post("/api/v1/admin/settings/custom/secret", "{\"key\": \"openweathermap.api_key\", \"value\": \"your-key\"}");

        assertThat(set.statusCode()).as(set.body()).isBetween(200, 201);
        assertThat(set.body()).doesNotContain("your-key");
        server.llm().reset();
        server.llm().enqueue(Reply.text("I can look that up for you."));
        JsonObject after = weatherTurn();
        assertThat(after.getString("type")).as(after.toString()).isEqualTo("done");
        assertThat(String.join("\n", terminal)).contains("creating a development encryption key for stored secrets");
    }

    private JsonObject weatherTurn() {
        try (ChatClient chat = ChatClient.connect(URI.create("ws://localhost:" + port + "/ai/ws?token=" + userToken))) {
            String conversation = chat.startChat("weather-assistant", "default");
            chat.message(conversation, "What is the weather in Lisbon?");
            List<JsonObject> frames = chat.turn(conversation, Duration.ofSeconds(60));
            return frames.get(frames.size() - 1);
        }
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + serviceKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + path + ": " + e, e);
        }
    }

    /** The README's way to a generated client, on a server as users run it: no testing hooks, nothing OpenAPI does not allow. */
    @Test
    void theApiDocumentToGenerateClientsFromLeavesTheTestingHooksOut() {
        ApiDocument document = ApiDocument.parse(get("/openapi?format=JSON").toString());
        assertThat(document.operations()).isNotEmpty().noneMatch(operation -> operation.contains("/testing/"));
        assertThat(document.json().path("tags").findValuesAsText("name")).isNotEmpty().doesNotContain("Testing");
        assertThat(document.fieldsOutsideTheSpecification()).isEmpty();
    }

    private boolean knowledgeFilesIndexed() {
        List<JsonObject> kbs = get("/api/v1/admin/ai/knowledge-bases").getJsonArray("knowledge_bases").getValuesAs(JsonObject.class);
        List<JsonObject> documents = kbs.stream().filter(kb -> List.of("product-docs", "faq").contains(kb.getString("name")))
                .flatMap(kb -> get("/api/v1/admin/ai/knowledge-bases/" + kb.getString("id") + "/documents").getJsonArray("documents")
                        .getValuesAs(JsonObject.class).stream()).toList();
        return documents.size() == 4 && documents.stream().allMatch(doc -> doc.getString("status").equals("indexed"));
    }

    private JsonObject get(String path) {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + serviceKey).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void readTerminal() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(runScript.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                terminal.add(line);
            }
        } catch (IOException e) {
            terminal.add("(terminal closed: " + e + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
