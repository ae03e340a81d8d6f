package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.observability.control.HistogramRecorder;
import dev.fluxbase.ai.observability.entity.GenAi;
import dev.fluxbase.ai.observability.entity.Histograms;
import dev.fluxbase.ai.platform.control.Meters;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Per provider request, by OpenTelemetry's GenAI client metrics: its duration (with {@code error.type} when
 * it failed or was cancelled), the time to its first text delta and the tokens it used; the tokens also as
 * a counter per provider, model and kind.
 */
@ApplicationScoped
public class ProviderMetrics {

    @Inject
    Meters meters;

    @Inject
    HistogramRecorder histograms;

    @Inject
    ProviderSpans spans;

    /** Wraps one provider so that each of its requests (every retry and fallback on its own) is measured and traced. */
    ChatProvider observed(ChatProvider provider) {
        return new ObservedProvider(provider, this, spans);
    }

    void finished(ChatProvider provider, CompletionResult result, Duration duration) {
        String responseModel = result.responseModel();
        histograms.record(Histograms.OPERATION_DURATION, seconds(duration), GenAi.CHAT, ProviderSpans.providerName(provider), provider.model(),
                responseModel, provider.name(), null);
        tokens(provider, responseModel, result.usage());
    }

    void failed(ChatProvider provider, String errorType, Duration duration) {
        histograms.record(Histograms.OPERATION_DURATION, seconds(duration), GenAi.CHAT, ProviderSpans.providerName(provider), provider.model(),
                null, provider.name(), errorType);
    }

    void firstChunk(ChatProvider provider, Duration duration) {
        histograms.record(Histograms.TIME_TO_FIRST_CHUNK, seconds(duration), GenAi.CHAT, ProviderSpans.providerName(provider), provider.model(),
                provider.name());
    }

    private void tokens(ChatProvider provider, String responseModel, TokenUsage usage) {
        tokens(provider, responseModel, "input", "prompt", usage.promptTokens());
        tokens(provider, responseModel, "output", "completion", usage.completionTokens());
    }

    private void tokens(ChatProvider provider, String responseModel, String type, String kind, int count) {
        histograms.record(Histograms.TOKEN_USAGE, count, GenAi.CHAT, ProviderSpans.providerName(provider), provider.model(), responseModel,
                provider.name(), type);
        meters.counter("fluxbase.provider.tokens", "Tokens the providers reported, by provider, model and kind (prompt, completion)",
                "provider", provider.name(), "model", provider.model(), "kind", kind).inc(count);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
