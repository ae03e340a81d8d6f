package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.observability.control.ErrorTypes;
import dev.fluxbase.ai.observability.entity.GenAi;
import dev.fluxbase.ai.observability.entity.Histograms;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * One {@code chat {model}} client span per provider request, with the attributes of OpenTelemetry's GenAI
 * conventions: what was asked (model, token limit, temperature), what answered (model, response id, finish
 * reason, tokens), and {@code error.type} when it failed. Prompts and answers are never recorded.
 */
@ApplicationScoped
public class ProviderSpans {

    private static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey(GenAi.RESPONSE_FINISH_REASONS);
    private static final String UNKNOWN = "unknown";

    @Inject
    Tracer tracer;

    ProviderSpans() {
    }

    ProviderSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    static String providerName(ChatProvider provider) {
        return provider.type() == null ? UNKNOWN : provider.type().telemetryName();
    }

    Span start(ChatProvider provider, CompletionRequest request) {
        String model = provider.model();
        SpanBuilder span = tracer.spanBuilder(model == null || model.isBlank() ? GenAi.CHAT : GenAi.CHAT + " " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT)
                .setAttribute(GenAi.PROVIDER_NAME, providerName(provider))
                .setAttribute(Histograms.PROVIDER, provider.name() == null ? UNKNOWN : provider.name())
                .setAttribute(GenAi.REQUEST_MAX_TOKENS, (long) request.maxTokens());
        if (model != null) {
            span.setAttribute(GenAi.REQUEST_MODEL, model);
        }
        if (request.temperature() != null) {
            span.setAttribute(GenAi.REQUEST_TEMPERATURE, request.temperature().doubleValue());
        }
        return span.startSpan();
    }

    void finished(Span span, CompletionResult result) {
        if (result.responseModel() != null) {
            span.setAttribute(GenAi.RESPONSE_MODEL, result.responseModel());
        }
        if (result.responseId() != null) {
            span.setAttribute(GenAi.RESPONSE_ID, result.responseId());
        }
        if (result.finishReason() != null) {
            span.setAttribute(FINISH_REASONS, List.of(result.finishReason()));
        }
        span.setAttribute(GenAi.USAGE_INPUT_TOKENS, (long) result.usage().promptTokens());
        span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, (long) result.usage().completionTokens());
        span.end();
    }

    /** @return the failure's {@code error.type} */
    String failed(Span span, Throwable failure) {
        String type = ErrorTypes.of(failure);
        span.setAttribute(GenAi.ERROR_TYPE, type);
        if (!ErrorTypes.CANCELLED.equals(type)) {
            span.setStatus(StatusCode.ERROR, type);
        }
        span.end();
        return type;
    }
}
