package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Prometheus;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} in Prometheus format: the counters a chat turn moves, read before and after by
 * label. The test classes of a run share one server and run one after another, so the differences
 * are this test's own.
 */
@ExtendWith(FluxbaseServer.class)
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String[] PROVIDER = {"provider", "config", "model", FluxbaseServer.LLM_MODEL};
    private static final String[] REQUEST = {"gen_ai_operation_name", "chat", "gen_ai_provider_name", "openai", "fluxbase_provider_name", "config",
        "gen_ai_request_model", FluxbaseServer.LLM_MODEL};

    private ServerUnderTest server;
    private String user;

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        SqlFixture.ensure(server);
        server.llm().reset();
        user = "metrics-" + UUID.randomUUID();
    }

    @Test
    void aTurnWithAnExecutedAndARefusedQueryMovesTheCounters() {
        Prometheus before = Prometheus.scrape(server);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("sql-bot", "default");
            server.llm().enqueue(sql("SELECT item FROM orders").usage(30, 4), sql("SELECT * FROM secrets").usage(40, 5),
                    Reply.text("Two ", "orders.").usage(50, 6));
            chat.message(id, "What did we sell?");
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("done");
        }
        Prometheus after = Prometheus.scrape(server);

        assertThat(after.since(before, "fluxbase_chat_turns_total", "outcome", "done")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_sql_queries_total", "verdict", "executed")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_sql_queries_total", "verdict", "refused")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_sql_query_duration_seconds_count", "fluxbase_sql_verdict", "executed")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_sql_query_duration_seconds_bucket", "fluxbase_sql_verdict", "executed", "le", "+Inf")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_provider_tokens_total", concat(PROVIDER, "kind", "prompt"))).isEqualTo(120);
        assertThat(after.since(before, "fluxbase_provider_tokens_total", concat(PROVIDER, "kind", "completion"))).isEqualTo(15);
        assertThat(after.since(before, "gen_ai_client_operation_duration_seconds_count", concat(REQUEST, "error_type", ""))).isEqualTo(3);
        assertThat(after.since(before, "gen_ai_client_operation_time_to_first_chunk_seconds_count", REQUEST)).isEqualTo(1);
        assertThat(after.value("gen_ai_client_operation_duration_seconds_sum", concat(REQUEST, "error_type", ""))).isPositive();
        assertThat(after.since(before, "gen_ai_client_token_usage_sum", concat(REQUEST, "gen_ai_token_type", "input"))).isEqualTo(120);
        assertThat(after.since(before, "gen_ai_client_token_usage_count", concat(REQUEST, "gen_ai_token_type", "output"))).isEqualTo(3);
        assertThat(after.since(before, "fluxbase_chat_turn_duration_seconds_count", "fluxbase_turn_outcome", "done", "gen_ai_agent_name", "sql-bot"))
                .isEqualTo(1);
    }

    private static Reply sql(String query) {
        return Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", query).build().toString());
    }

    @Test
    void openSocketsAndRunningTurnsAreGaugesAndACancelledTurnIsCounted() {
        Prometheus before = Prometheus.scrape(server);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("open-bot", "default");
            server.llm().enqueue(Reply.text("Once ", "upon ", "a time").stallAfter(1));
            chat.message(id, "Tell me a story");
            chat.until(f -> f.getString("type").equals("content"));

            // At least: sockets and turns of earlier test classes may still be ending on the server.
            Prometheus during = Prometheus.scrape(server);
            assertThat(during.value("fluxbase_chat_sockets")).isGreaterThanOrEqualTo(1);
            assertThat(during.value("fluxbase_chat_turns_active")).isGreaterThanOrEqualTo(1);

            chat.send(Json.createObjectBuilder().add("type", "cancel").add("conversation_id", id).build());
            assertThat(last(chat.turn(id)).getString("type")).isEqualTo("cancelled");
        }
        Eventually.await("the socket and the turn to end on the server", WAIT, () -> {
            Prometheus now = Prometheus.scrape(server);
            return now.since(before, "fluxbase_chat_sockets") <= 0 && now.since(before, "fluxbase_chat_turns_active") <= 0;
        });
        Prometheus after = Prometheus.scrape(server);
        assertThat(after.since(before, "fluxbase_chat_turns_total", "outcome", "cancelled")).isEqualTo(1);
        assertThat(after.since(before, "gen_ai_client_operation_duration_seconds_count", concat(REQUEST, "error_type", "cancelled"))).isEqualTo(1);
    }

    @Test
    void aMessageRefusedByALimitIsCountedByItsCode() {
        Prometheus before = Prometheus.scrape(server);
        try (ChatClient chat = server.chatAs(user)) {
            String id = chat.startChat("zero-bot", "default");
            chat.message(id, "Hello?");
            assertThat(last(chat.turn(id)).getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
        }
        Prometheus after = Prometheus.scrape(server);
        assertThat(after.since(before, "fluxbase_limits_refusals_total", "code", "RATE_LIMIT_EXCEEDED")).isEqualTo(1);
        assertThat(after.since(before, "fluxbase_chat_turns_total", "outcome", "refused")).isEqualTo(1);
        assertThat(after.value("fluxbase_limits_refusals_total", "mp_scope", "application")).isPositive();
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    private static String[] concat(String[] labels, String... more) {
        String[] all = Arrays.copyOf(labels, labels.length + more.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }
}
