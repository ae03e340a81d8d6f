package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.IdleCutProxy;
import dev.fluxbase.ai.it.support.OtlpCollector;
import dev.fluxbase.ai.it.support.Prometheus;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import dev.fluxbase.ai.observability.entity.GenAi;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One instance with what operators switch on: OpenTelemetry traces and metrics exported over OTLP/HTTP to
 * a receiver of the test's, the JSON log format, and WebSocket pings every second. Its spans and metrics
 * carry the GenAI conventions' names, its log lines within a turn are JSON with the turn's ids, and its
 * pings keep a quiet socket open through a proxy that cuts connections idle for two seconds, which cuts
 * the same socket on the shared instance (pings every 30 s).
 */
@ExtendWith(FluxbaseServer.class)
class ObservabilityIT {

    private static final Duration PROXY_IDLE = Duration.ofSeconds(2);
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(60);

    private static ServerUnderTest server;
    private static OtlpCollector collector;
    private static DisposableInstance instance;

    @BeforeAll
    static void startAnObservedInstance(ServerUnderTest started) {
        server = started;
        SqlFixture.ensure(server);
        collector = OtlpCollector.start();
        instance = server.startDisposableInstance(Map.ofEntries(
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_TRACES_EXPORTER", "otlp"),
                Map.entry("OTEL_METRICS_EXPORTER", "otlp"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"),
                Map.entry("OTEL_METRIC_EXPORT_INTERVAL", "500"),
                Map.entry("FLUXBASE_LOG_FORMAT", "json"),
                Map.entry("FLUXBASE_CHAT_PING_SECONDS", "1"),
                // a provider may keep quiet for longer than the proxy's idle timeout
                Map.entry("FLUXBASE_AI_PROVIDER_FIRST_TOKEN_TIMEOUT_MS", "30000")));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @BeforeEach
    void resetProvider() {
        server.llm().reset();
    }

    private static String sql(String query) {
        return Json.createObjectBuilder().add("sql", query).build().toString();
    }

    private static Map<String, String> attributes(Span span) {
        return OtlpCollector.attributes(span.getAttributesList());
    }

    private static Optional<Span> turnSpan(String conversationId) {
        return collector.spans().stream().filter(s -> conversationId.equals(attributes(s).get(GenAi.CONVERSATION_ID))).findFirst();
    }

    private static List<Span> childrenOf(Span parent) {
        return collector.spans().stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    @Test
    void aTurnIsExportedAsGenAiSpansAndMetrics() {
        String id;
        try (ChatClient chat = instance.server().chatAs("traced-user")) {
            id = chat.startChat("sql-bot", "default");
            server.llm().enqueue(Reply.toolCall("execute_sql", sql("SELECT item FROM orders")).usage(30, 4), Reply.text("Two orders.").usage(50, 6));
            chat.message(id, "What did we sell?");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
        }

        Eventually.await("the spans of the turn at the OTLP endpoint", EXPORT_WAIT,
                () -> turnSpan(id).map(turn -> childrenOf(turn).size() >= 4).orElse(false));
        Span turn = turnSpan(id).orElseThrow();
        assertThat(turn.getName()).isEqualTo("invoke_agent sql-bot");
        assertThat(turn.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(attributes(turn)).containsEntry(GenAi.OPERATION_NAME, GenAi.INVOKE_AGENT).containsEntry(GenAi.AGENT_NAME, "sql-bot")
                .containsEntry("fluxbase.turn.outcome", "done").containsKey("fluxbase.turn.id");
        List<Span> children = childrenOf(turn);
        assertThat(children).extracting(Span::getName).contains("fluxbase.limits", "execute_tool execute_sql", "chat " + FluxbaseServer.LLM_MODEL);

        List<Span> requests = children.stream().filter(s -> s.getName().startsWith("chat ")).toList();
        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
            assertThat(attributes(request)).containsEntry(GenAi.OPERATION_NAME, GenAi.CHAT).containsEntry(GenAi.PROVIDER_NAME, "openai")
                    .containsEntry(GenAi.REQUEST_MODEL, FluxbaseServer.LLM_MODEL).containsEntry(GenAi.RESPONSE_MODEL, FluxbaseServer.LLM_MODEL)
                    .containsKeys(GenAi.REQUEST_MAX_TOKENS, GenAi.REQUEST_TEMPERATURE, GenAi.RESPONSE_ID);
        });
        assertThat(requests).extracting(r -> attributes(r).get(GenAi.USAGE_INPUT_TOKENS) + "/" + attributes(r).get(GenAi.USAGE_OUTPUT_TOKENS)
                + " " + attributes(r).get(GenAi.RESPONSE_FINISH_REASONS)).containsExactlyInAnyOrder("30/4 tool_calls", "50/6 stop");
        Span tool = children.stream().filter(s -> s.getName().equals("execute_tool execute_sql")).findFirst().orElseThrow();
        assertThat(attributes(tool)).containsEntry(GenAi.OPERATION_NAME, GenAi.EXECUTE_TOOL).containsEntry(GenAi.TOOL_NAME, "execute_sql")
                .containsKey(GenAi.TOOL_CALL_ID);

        Eventually.await("the turn's metrics at the OTLP endpoint", EXPORT_WAIT,
                () -> points("gen_ai.client.token.usage").stream().anyMatch(p -> p.getSum() >= 80)
                        && !points("fluxbase.chat.turn.duration").isEmpty() && !points("fluxbase.sql.query.duration").isEmpty());
        Metric duration = latest("gen_ai.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogram().getDataPointsList()).isNotEmpty().allSatisfy(point -> {
            assertThat(point.getExplicitBoundsList()).containsExactlyElementsOf(GenAi.DURATION_BUCKETS);
            assertThat(OtlpCollector.attributes(point.getAttributesList())).containsEntry(GenAi.OPERATION_NAME, GenAi.CHAT)
                    .containsEntry(GenAi.PROVIDER_NAME, "openai").containsEntry(GenAi.REQUEST_MODEL, FluxbaseServer.LLM_MODEL);
        });
        Metric tokens = latest("gen_ai.client.token.usage");
        assertThat(tokens.getUnit()).isEqualTo("{token}");
        assertThat(tokens.getHistogram().getDataPointsList()).allSatisfy(p -> assertThat(p.getExplicitBoundsList()).containsExactlyElementsOf(GenAi.TOKEN_BUCKETS))
                .extracting(p -> OtlpCollector.attributes(p.getAttributesList()).get(GenAi.TOKEN_TYPE)).contains("input", "output");

        Prometheus scraped = Prometheus.scrape(instance.server());
        assertThat(scraped.value("gen_ai_client_operation_duration_seconds_bucket", "gen_ai_provider_name", "openai", "le", "+Inf"))
                .isGreaterThanOrEqualTo(2);
        assertThat(scraped.value("gen_ai_client_token_usage_sum", "gen_ai_token_type", "input")).isGreaterThanOrEqualTo(80);
        assertThat(scraped.value("fluxbase_chat_turn_duration_seconds_count", "fluxbase_turn_outcome", "done")).isGreaterThanOrEqualTo(1);
    }

    private static List<HistogramDataPoint> points(String metric) {
        return collector.metrics().stream().filter(m -> m.getName().equals(metric)).flatMap(m -> m.getHistogram().getDataPointsList().stream())
                .toList();
    }

    private static Metric latest(String name) {
        List<Metric> exports = collector.metrics().stream().filter(m -> m.getName().equals(name)).toList();
        assertThat(exports).as(name).isNotEmpty();
        return exports.get(exports.size() - 1);
    }

    @Test
    void theLogLinesOfATurnAreJsonWithTheTurnsIds() {
        URI uri = instance.server().chatUri("logged-user");
        String token = uri.getQuery().substring("token=".length());
        String id;
        try (ChatClient chat = ChatClient.connect(uri)) {
            id = chat.startChat("open-bot", "default");
            // the first request fails and is tried again: the retry is logged on the turn's thread
            server.llm().enqueue(Reply.httpError(503, "{\"error\":{\"message\":\"overloaded\"}}"), Reply.text("Hello."));
            chat.message(id, "Hi");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
        }
        Eventually.await("the turn's span", EXPORT_WAIT, () -> turnSpan(id).isPresent());
        String turnId = attributes(turnSpan(id).orElseThrow()).get("fluxbase.turn.id");

        Eventually.await("the turn's log line", Duration.ofSeconds(20), () -> instance.log().contains("failed (attempt 1)"));
        List<JsonObject> turnLines = instance.log().lines().filter(line -> line.contains(id)).map(ObservabilityIT::json).toList();
        assertThat(turnLines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.getString("conversation_id")).isEqualTo(id);
            assertThat(line.getString("turn_id")).isEqualTo(turnId);
            assertThat(line.getString("chatbot")).isEqualTo("open-bot");
            assertThat(line).containsKeys("timestamp", "level", "logger", "message");
        });
        assertThat(turnLines).anySatisfy(line -> {
            assertThat(line.getString("level")).isEqualTo("WARNING");
            assertThat(line.getString("message")).contains("failed (attempt 1)");
        });
        assertThat(instance.log()).doesNotContain(token);
    }

    private static JsonObject json(String line) {
        try {
            return Json.createReader(new StringReader(line)).readObject();
        } catch (JsonParsingException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    @Test
    void pingsKeepAQuietSocketOpenThroughAProxyThatCutsIdleConnections() throws IOException {
        try (IdleCutProxy proxy = IdleCutProxy.to(instance.server().port(), PROXY_IDLE);
                ChatClient chat = ChatClient.connect(proxy.via(instance.server().chatUri("pinged-user")))) {
            String id = chat.startChat("open-bot", "default");
            chat.assertSilentFor(PROXY_IDLE.multipliedBy(3));
            assertThat(chat.isOpen()).isTrue();

            // a turn whose provider is silent for longer than the proxy's timeout
            server.llm().enqueue(Reply.text("Worth ", "the wait.").held());
            chat.message(id, "Take your time");
            chat.until(frame -> frame.getString("type").equals("progress") && frame.getString("step").equals("generating"));
            chat.assertSilentFor(PROXY_IDLE.multipliedBy(2));
            server.llm().releaseHeld();
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
            assertThat(proxy.cuts()).isZero();
        }
    }

    @Test
    void withoutPingsWithinItsTimeoutTheProxyCutsTheQuietSocket() throws IOException {
        try (IdleCutProxy proxy = IdleCutProxy.to(server.port(), PROXY_IDLE);
                ChatClient chat = ChatClient.connect(proxy.via(server.chatUri("unpinged-user")))) {
            chat.startChat("open-bot", "default");
            Eventually.await("the proxy to cut the quiet socket", Duration.ofSeconds(30), () -> !chat.isOpen());
            assertThat(proxy.cuts()).isEqualTo(1);
        }
    }
}
