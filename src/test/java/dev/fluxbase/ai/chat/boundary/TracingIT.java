package dev.fluxbase.ai.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.DisposableInstance;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.OtlpCollector;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces are off by default; an instance started with MicroProfile Telemetry enabled and an OTLP/HTTP
 * endpoint exports the spans of a turn: the turn, its limits check, each provider request and the tool call.
 */
@ExtendWith(FluxbaseServer.class)
class TracingIT {

    @Test
    void anInstanceWithTelemetryEnabledExportsTheSpansOfATurn(ServerUnderTest server) {
        SqlFixture.ensure(server);
        server.llm().reset();
        try (OtlpCollector collector = OtlpCollector.start();
                DisposableInstance instance = server.startDisposableInstance(Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_TRACES_EXPORTER", "otlp",
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_LOGS_EXPORTER", "none",
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                        "OTEL_BSP_SCHEDULE_DELAY", "200"));
                ChatClient chat = instance.server().chatAs("traced-user")) {
            String id = chat.startChat("sql-bot", "default");
            server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", "SELECT item FROM orders").build().toString()),
                    Reply.text("Two orders."));
            chat.message(id, "What did we sell?");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");

            Eventually.await("the spans of the turn at the OTLP endpoint", Duration.ofSeconds(30),
                    () -> List.of("chat.turn", "chat.limits", "chat.provider", "chat.tool", "execute_sql", id)
                            .stream().allMatch(collector.received()::contains));
        }
    }
}
