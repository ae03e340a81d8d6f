package dev.fluxbase.ai.tools.tables.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chatbots written with Fluxbase's {@code @fluxbase:mcp-tools}: query_table and insert_record run as the model's own SQL
 * would (the guard, the user's role under row-level security, the audit log, query_result frames); think records the
 * plan, shows it with show-reasoning, and with reasoning-mode react is all the first round offers.
 */
@ExtendWith(FluxbaseServer.class)
class FluxbaseMcpToolsIT {

    private static final String NAMESPACE = "mcp-tools-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ServerUnderTest server;
    private static JsonObject synced;

    @BeforeAll
    static void syncChatbots(ServerUnderTest started) {
        server = started;
        SqlFixture.ensure(server);
        JsonArrayBuilder chatbots = Json.createArrayBuilder();
        Map.of("orders", "/**\n * Orders through Fluxbase's tools\n * @fluxbase:allowed-tables orders\n"
                        + " * @fluxbase:mcp-tools query_table,think,insert_record,invoke_function\n * @fluxbase:reasoning-mode react\n"
                        + " * @fluxbase:show-reasoning true\n */\nexport default `You answer questions about orders.`\n",
                "notes", "/**\n * Notes\n * @fluxbase:allowed-tables notes\n * @fluxbase:allowed-operations SELECT,INSERT\n * @fluxbase:confirm-writes false\n"
                        + " * @fluxbase:mcp-tools insert_record\n */\nexport default `You keep notes.`\n")
                .forEach((name, code) -> chatbots.add(Json.createObjectBuilder().add("name", name).add("code", code)));
        ApiResponse response = server.call("POST", "/api/v1/admin/ai/chatbots/sync", server.serviceKey(),
                Json.createObjectBuilder().add("namespace", NAMESPACE).add("chatbots", chatbots).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        synced = response.json();
    }

    @AfterAll
    static void removeChatbots() {
        server.execute("DELETE FROM ai.chatbots WHERE namespace = ?", NAMESPACE);
    }

    @BeforeEach
    void reset() {
        server.llm().reset();
    }

    private List<JsonObject> chat(String chatbot, String user, Reply... replies) {
        server.llm().enqueue(replies);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, NAMESPACE);
            chat.message(id, "What did I order?");
            List<JsonObject> frames = chat.turn(id, WAIT);
            assertThat(frames.get(frames.size() - 1).getString("type")).as(frames.toString()).isEqualTo("done");
            return frames;
        }
    }

    private static List<List<String>> offeredPerRound() {
        return server.llm().requests().stream().filter(request -> request.path().endsWith("/chat/completions"))
                .map(RecordedRequest::json).map(json -> json.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                        .map(tool -> tool.getJsonObject("function").getString("name")).toList()).toList();
    }

    private static JsonObject queryResult(List<JsonObject> frames) {
        return frames.stream().filter(frame -> frame.getString("type").equals("query_result")).findFirst()
                .orElseThrow(() -> new AssertionError("no query_result in " + frames));
    }

    @Test
    void queryTableRunsUnderRowLevelSecurityAfterAThinkRoundWhoseReasoningTheUserSees() {
        String plan = "Look for the orders over 10 EUR, biggest first";
        List<JsonObject> frames = chat("orders", "alice",
                Reply.toolCall("think", Json.createObjectBuilder().add("thought", plan).build().toString()),
                Reply.toolCall("query_table", "{\"table\":\"orders\",\"select\":\"item, amount\",\"filter\":{\"amount\":\"gt.10\"},"
                        + "\"order\":\"amount.desc\"}"),
                Reply.text("A keyboard and a mouse."));

        assertThat(offeredPerRound()).containsExactly(List.of("think"), List.of("query_table", "think"), List.of("query_table", "think"));
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.getString("type")).isEqualTo("progress");
            assertThat(frame.getString("step")).isEqualTo("thinking");
            assertThat(frame.getString("message")).isEqualTo(plan);
        });
        JsonObject result = queryResult(frames);
        assertThat(result.getString("query")).isEqualTo("SELECT \"item\", \"amount\" FROM \"orders\" WHERE \"amount\" > ? ORDER BY \"amount\" DESC "
                + "LIMIT 100\n-- parameters: '10'");
        assertThat(result.getInt("row_count")).isEqualTo(2);
        assertThat(result.getJsonArray("data").getValuesAs(JsonObject.class)).extracting(row -> row.getString("item"))
                .containsExactly("Keyboard", "Mouse");
        assertThat(server.column("SELECT count(*)::text FROM ai.sql_audit_log WHERE user_id = 'alice' AND allowed "
                + "AND sql = 'SELECT \"item\", \"amount\" FROM \"orders\" WHERE \"amount\" > ? ORDER BY \"amount\" DESC LIMIT 100' || chr(10) "
                + "|| '-- parameters: ''10'''")).first().isNotEqualTo("0");
    }

    @Test
    void queryTableKeepsToTheChatbotsTablesAsExecuteSqlDoes() {
        List<JsonObject> frames = chat("orders", "alice", Reply.toolCall("think", "{\"thought\":\"secrets\"}"),
                Reply.toolCall("query_table", "{\"table\":\"secrets\"}"), Reply.text("No."));

        JsonObject result = queryResult(frames);
        assertThat(result.getInt("row_count")).isZero();
        assertThat(result.getString("summary")).startsWith("Table not allowed");
    }

    @Test
    void unmappedNamesAndToolsTheOperationsDoNotAllowAreLoadWarnings() {
        assertThat(synced.getJsonArray("warnings").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .anySatisfy(w -> assertThat(w).startsWith("orders: ").endsWith("insert_record runs INSERT, which @fluxbase:allowed-operations "
                        + "(SELECT) does not allow: not offered"))
                .anySatisfy(w -> assertThat(w).startsWith("orders: ").endsWith("@fluxbase:mcp-tools invoke_function needs Fluxbase's edge "
                        + "functions, which this server does not have: not offered"));
    }

    @Test
    void insertRecordWritesAsTheUserWithTheValuesBound() {
        String user = "notes-" + UUID.randomUUID();
        String body = "buy milk'); DROP TABLE notes; --";
        try {
            List<JsonObject> frames = chat("notes", user, Reply.toolCall("insert_record",
                    Json.createObjectBuilder().add("table", "notes").add("data", Json.createObjectBuilder().add("body", body))
                            .add("returning", "user_id, body").build().toString()), Reply.text("Noted."));

            JsonObject result = queryResult(frames);
            assertThat(result.getInt("row_count")).isEqualTo(1);
            assertThat(result.getJsonArray("data").getJsonObject(0).getString("user_id")).isEqualTo(user);
            assertThat(server.column("SELECT body FROM public.notes WHERE user_id = ?", user)).containsExactly(body);
            assertThat(offeredPerRound().get(0)).containsExactly("insert_record");
        } finally {
            server.execute("DELETE FROM public.notes WHERE user_id = ?", user);
        }
    }
}
