package dev.fluxbase.ai.chatbots.boundary;

import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.last;
import static dev.fluxbase.ai.tools.sql.boundary.SqlTurns.queryResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fluxbase's chatbot annotations at work in a turn: intent rules, required columns, default table, language, version, execution logs. */
@ExtendWith(FluxbaseServer.class)
class ChatbotFileParityIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private ServerUnderTest server;
    private String user;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        SqlFixture.ensure(server);
        server.llm().reset();
        user = "alice";
    }

    private static Reply sql(String sql) {
        return Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", sql).build().toString());
    }

    private List<JsonObject> turn(String chatbot, String question, Reply... replies) {
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat(chatbot, "default");
            server.llm().enqueue(replies);
            chat.message(id, question);
            return chat.turn(id);
        }
    }

    private static String toolResult(RecordedRequest request) {
        List<JsonObject> messages = request.json().getJsonArray("messages").getValuesAs(JsonObject.class);
        return messages.get(messages.size() - 1).getString("content");
    }

    @Test
    void aQueryAgainstAnIntentRuleIsNotRunAndTheModelIsToldWhatToUse() {
        List<JsonObject> frames = turn("intent-bot", "Which customer ordered most?",
                sql("SELECT id, item FROM orders"), sql("SELECT name FROM customers"), Reply.text("Done."));

        assertThat(frames.stream().filter(f -> f.getString("type").equals("query_result")).map(f -> f.getString("query")))
                .containsExactly("SELECT id, item FROM orders", "SELECT name FROM customers");
        assertThat(queryResult(frames).getInt("row_count")).isZero();
        server.llm().awaitRequest(WAIT);
        assertThat(toolResult(server.llm().awaitRequest(WAIT))).isEqualTo("Query refused: Query about 'customer' should NOT use table 'orders'. "
                + "Use the 'customers' table instead of 'orders'. Query about 'customer' should use table 'customers'. Please query the 'customers' table instead.");
        assertThat(toolResult(server.llm().awaitRequest(WAIT))).startsWith("Query executed successfully.");
        assertThat(last(frames).getString("type")).isEqualTo("done");
    }

    @Test
    void aQueryWithoutTheRequiredColumnsIsSentBackAndAStarIsEnough() {
        turn("intent-bot", "List my orders", sql("SELECT amount FROM orders"), sql("SELECT * FROM orders"), Reply.text("Done."));

        server.llm().awaitRequest(WAIT);
        assertThat(toolResult(server.llm().awaitRequest(WAIT))).isEqualTo("Query refused: Query on 'public.orders' must include column 'id'. "
                + "Add 'id' to your SELECT clause. Query on 'public.orders' must include column 'item'. Add 'item' to your SELECT clause.");
        assertThat(toolResult(server.llm().awaitRequest(WAIT))).startsWith("Query executed successfully. Query returned 2 row(s)");
    }

    @Test
    void aForbiddenToolIsNotOfferedForTheMessageThatTriggersTheRule() {
        turn("intent-bot", "How is the weather?", Reply.text("Sunny."));
        turn("intent-bot", "How are my orders?", Reply.text("Fine."));

        JsonObject weather = server.llm().awaitRequest(WAIT).json();
        JsonObject orders = server.llm().awaitRequest(WAIT).json();
        assertThat(weather.containsKey("tools")).isFalse();
        assertThat(orders.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name")).isEqualTo("execute_sql");
    }

    @Test
    void theLanguageTheDefaultTableAndTheRequiredColumnsAreInTheSystemPrompt() {
        turn("intent-bot", "Hello", Reply.text("Hallo."));

        String system = server.llm().awaitRequest(WAIT).json().getJsonArray("messages").getJsonObject(0).getString("content");
        assertThat(system).contains("Always respond in German, regardless of the language the user writes in.")
                .contains("**Default/Primary table**: orders")
                .contains("- **orders**: id, item");
    }

    @Test
    void theFilesVersionIsTheChatbotsVersion() {
        String id = server.column("SELECT id::text FROM ai.chatbots WHERE name = 'intent-bot' AND namespace = 'default'").get(0);
        assertThat(server.get("/api/v1/admin/ai/chatbots/" + id, server.serviceKey()).json().getInt("version")).isEqualTo(3);
    }

    @Test
    void withoutExecutionLogsNoAuditRowIsWrittenButUsageIsBooked() {
        // a user of this test alone: other ITs' queries as alice are audited, rightly
        user = "unlogged-" + UUID.randomUUID();
        List<JsonObject> frames = turn("unlogged-bot", "Count my orders", sql("SELECT count(*) FROM orders"), Reply.text("None."));

        assertThat(last(frames).getString("type")).isEqualTo("done");
        assertThat(queryResult(frames).getInt("row_count")).isEqualTo(1);
        assertThat(server.column("SELECT count(*)::text FROM ai.sql_audit_log WHERE user_id = ?", user)).containsExactly("0");
        assertThat(server.column("SELECT count(*)::text FROM ai.usage_ledger WHERE user_id = ? AND chatbot_name = 'unlogged-bot'", user))
                .containsExactly("1");
    }
}
