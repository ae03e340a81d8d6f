package dev.fluxbase.ai.chat.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Traces of chat turns through MicroProfile Telemetry (the OpenTelemetry of Payara Micro): a
 * {@code chat.turn} span from the start of a turn to its end, ending with an event named after the
 * outcome ({@code done}, {@code error}, {@code cancelled}, {@code refused}), and child spans for the
 * limits, the retrieval, every provider request and every tool call. Payara's tracer records nothing
 * unless {@code otel.sdk.disabled=false} is configured (with an OTLP endpoint to export to).
 */
@ApplicationScoped
public class TurnTracing implements TurnSteps {

    static final String TURN = "chat.turn";
    static final String LIMITS = "chat.limits";
    static final String RETRIEVAL = "chat.retrieval";
    static final String PROVIDER = "chat.provider";
    static final String TOOL = "chat.tool";

    @Inject
    Tracer tracer;

    TurnTracing() {
    }

    TurnTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The span of a turn; the caller makes it current and ends it with {@link #endTurn}. */
    Span startTurn(String chatbot, String conversationId, String turnId) {
        return tracer.spanBuilder(TURN).setSpanKind(SpanKind.SERVER)
                .setAttribute("fluxbase.chatbot", chatbot)
                .setAttribute("fluxbase.conversation_id", conversationId)
                .setAttribute("fluxbase.turn_id", turnId)
                .startSpan();
    }

    void endTurn(Span turn, String outcome, String errorCode) {
        turn.setAttribute("fluxbase.outcome", outcome);
        if (errorCode != null) {
            turn.setAttribute("fluxbase.error_code", errorCode);
            turn.setStatus(StatusCode.ERROR, errorCode);
        }
        turn.addEvent(outcome);
        turn.end();
    }

    /** Runs one step of the current turn in a child span. */
    @Override
    public <T> T step(String name, Supplier<T> work, String... attributes) {
        var builder = tracer.spanBuilder(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            builder.setAttribute(attributes[i], attributes[i + 1] == null ? "" : attributes[i + 1]);
        }
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
