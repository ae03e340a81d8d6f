package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.observability.control.ErrorTypes;
import dev.fluxbase.ai.observability.entity.GenAi;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Traces of chat turns through MicroProfile Telemetry (the OpenTelemetry of Payara Micro), named by
 * OpenTelemetry's GenAI conventions: an {@code invoke_agent {chatbot}} span from the start of a turn to its
 * end, ending with an event named after the outcome ({@code done}, {@code error}, {@code cancelled},
 * {@code refused}), with children for the limits and the retrieval (ours: {@code fluxbase.*}), every provider
 * request ({@code chat {model}}, made by the provider layer) and every tool call ({@code execute_tool {tool}}).
 * Payara's tracer records nothing unless {@code otel.sdk.disabled=false} is configured.
 */
@ApplicationScoped
public class TurnTracing implements TurnSteps {

    static final String LIMITS = "fluxbase.limits";
    static final String RETRIEVAL = "fluxbase.retrieval";
    static final String TURN_ID = "fluxbase.turn.id";
    static final String OUTCOME = "fluxbase.turn.outcome";
    static final String ERROR_CODE = "fluxbase.error.code";
    static final String NAMESPACE = "fluxbase.chatbot.namespace";

    @Inject
    Tracer tracer;

    TurnTracing() {
    }

    TurnTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The span of a turn; the caller makes it current and ends it with {@link #endTurn}. */
    Span startTurn(String namespace, String chatbot, String conversationId, String turnId) {
        return tracer.spanBuilder(GenAi.INVOKE_AGENT + " " + chatbot).setSpanKind(SpanKind.SERVER)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.INVOKE_AGENT)
                .setAttribute(GenAi.AGENT_NAME, chatbot)
                .setAttribute(NAMESPACE, namespace == null ? "" : namespace)
                .setAttribute(GenAi.CONVERSATION_ID, conversationId)
                .setAttribute(TURN_ID, turnId)
                .startSpan();
    }

    void endTurn(Span turn, String outcome, String errorCode) {
        turn.setAttribute(OUTCOME, outcome);
        if (errorCode != null) {
            turn.setAttribute(ERROR_CODE, errorCode);
            turn.setAttribute(GenAi.ERROR_TYPE, errorCode);
            turn.setStatus(StatusCode.ERROR, errorCode);
        }
        turn.addEvent(outcome);
        turn.end();
    }

    /** Runs one step of the current turn in a child span; a failure sets {@code error.type}. */
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
            span.setAttribute(GenAi.ERROR_TYPE, ErrorTypes.of(e));
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
