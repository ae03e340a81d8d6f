package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.observability.entity.GenAi;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spans of one turn, recorded by the OpenTelemetry SDK in memory: GenAI names, nesting, outcome, failures. */
class TurnTracingTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final TurnTracing tracing = new TurnTracing(provider.get("test"));

    @Test
    void theStepsOfATurnAreChildrenOfItsInvokeAgentSpanWhichEndsWithItsOutcome() {
        Span turn = tracing.startTurn("default", "sql-bot", "c-1", "0a1b2c3d");
        try (Scope scope = turn.makeCurrent()) {
            tracing.step(TurnTracing.LIMITS, () -> null);
            tracing.step(TurnTracing.RETRIEVAL, () -> "context");
            assertThat(tracing.step("execute_tool execute_sql", () -> "rows", GenAi.OPERATION_NAME, GenAi.EXECUTE_TOOL, GenAi.TOOL_NAME,
                    "execute_sql", GenAi.TOOL_CALL_ID, "call-1")).isEqualTo("rows");
        } finally {
            tracing.endTurn(turn, "done", null);
        }

        List<SpanData> finished = exporter.getFinishedSpanItems();
        assertThat(finished).extracting(SpanData::getName)
                .containsExactly("fluxbase.limits", "fluxbase.retrieval", "execute_tool execute_sql", "invoke_agent sql-bot");
        SpanData root = finished.get(3);
        assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(root.getParentSpanContext().isValid()).isFalse();
        assertThat(finished.subList(0, 3)).allSatisfy(step -> {
            assertThat(step.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(step.getTraceId()).isEqualTo(root.getTraceId());
        });
        assertThat(root.getAttributes().asMap().toString()).contains("gen_ai.operation.name=invoke_agent", "gen_ai.agent.name=sql-bot",
                "gen_ai.conversation.id=c-1", "fluxbase.turn.id=0a1b2c3d", "fluxbase.turn.outcome=done", "fluxbase.chatbot.namespace=default");
        assertThat(root.getEvents()).extracting(e -> e.getName()).containsExactly("done");
        assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(finished.get(2).getAttributes().asMap().toString()).contains("gen_ai.tool.name=execute_sql", "gen_ai.tool.call.id=call-1");
    }

    @Test
    void aFailedStepAndAFailedTurnAreMarkedAsErrorsWithTheirErrorType() {
        Span turn = tracing.startTurn("default", "sql-bot", "c-2", "4e5f6a7b");
        try (Scope scope = turn.makeCurrent()) {
            assertThatThrownBy(() -> tracing.step("execute_tool http_get", () -> {
                throw new IllegalStateException("tool down");
            })).isInstanceOf(IllegalStateException.class);
        } finally {
            tracing.endTurn(turn, "error", "PROVIDER_ERROR");
        }

        List<SpanData> finished = exporter.getFinishedSpanItems();
        assertThat(finished.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(finished.get(0).getAttributes().asMap().toString()).contains("error.type=" + IllegalStateException.class.getName());
        assertThat(finished.get(1).getStatus().getDescription()).isEqualTo("PROVIDER_ERROR");
        assertThat(finished.get(1).getAttributes().asMap().toString()).contains("error.type=PROVIDER_ERROR", "fluxbase.error.code=PROVIDER_ERROR");
        assertThat(finished.get(1).getEvents()).extracting(e -> e.getName()).containsExactly("error");
    }
}
