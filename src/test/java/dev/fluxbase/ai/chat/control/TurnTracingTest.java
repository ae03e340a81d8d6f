package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The spans of one turn, recorded by the OpenTelemetry SDK in memory: names, nesting, outcome, failures. */
class TurnTracingTest {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    finished.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();
    private final TurnTracing tracing = new TurnTracing(provider.get("test"));

    @Test
    void theStepsOfATurnAreChildrenOfItsSpanWhichEndsWithItsOutcome() {
        Span turn = tracing.startTurn("sql-bot", "c-1", "0a1b2c3d");
        try (Scope scope = turn.makeCurrent()) {
            tracing.step(TurnTracing.LIMITS, () -> null);
            tracing.step(TurnTracing.RETRIEVAL, () -> "context");
            assertThat(tracing.step(TurnTracing.PROVIDER, () -> "answer", "fluxbase.provider", "config", "fluxbase.model", null)).isEqualTo("answer");
            tracing.step(TurnTracing.TOOL, () -> "rows", "fluxbase.tool", "execute_sql");
        } finally {
            tracing.endTurn(turn, "done", null);
        }

        assertThat(finished).extracting(SpanData::getName)
                .containsExactly("chat.limits", "chat.retrieval", "chat.provider", "chat.tool", "chat.turn");
        SpanData root = finished.get(4);
        assertThat(root.getParentSpanContext().isValid()).isFalse();
        assertThat(finished.subList(0, 4)).allSatisfy(step -> {
            assertThat(step.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(step.getTraceId()).isEqualTo(root.getTraceId());
        });
        assertThat(root.getAttributes().asMap().toString()).contains("fluxbase.conversation_id=c-1", "fluxbase.turn_id=0a1b2c3d", "fluxbase.outcome=done");
        assertThat(root.getEvents()).extracting(e -> e.getName()).containsExactly("done");
        assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(finished.get(3).getAttributes().asMap().toString()).contains("fluxbase.tool=execute_sql");
    }

    @Test
    void aFailedStepAndAFailedTurnAreMarkedAsErrors() {
        Span turn = tracing.startTurn("sql-bot", "c-2", "4e5f6a7b");
        try (Scope scope = turn.makeCurrent()) {
            assertThatThrownBy(() -> tracing.step(TurnTracing.PROVIDER, () -> {
                throw new IllegalStateException("provider down");
            })).isInstanceOf(IllegalStateException.class);
        } finally {
            tracing.endTurn(turn, "error", "PROVIDER_ERROR");
        }

        assertThat(finished.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(finished.get(0).getStatus().getDescription()).isEqualTo("IllegalStateException");
        assertThat(finished.get(1).getStatus().getDescription()).isEqualTo("PROVIDER_ERROR");
        assertThat(finished.get(1).getEvents()).extracting(e -> e.getName()).containsExactly("error");
    }
}
