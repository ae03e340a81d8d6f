package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;

/**
 * Measures and traces the requests of one provider. It sits below the retries and the failover, so that
 * the provider that really answered gets the span, the time and the tokens. The only cost on the delta
 * path is one boolean check.
 */
final class ObservedProvider implements ChatProvider {

    private final ChatProvider provider;
    private final ProviderMetrics metrics;
    private final ProviderSpans spans;

    ObservedProvider(ChatProvider provider, ProviderMetrics metrics, ProviderSpans spans) {
        this.provider = provider;
        this.metrics = metrics;
        this.spans = spans;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public String model() {
        return provider.model();
    }

    @Override
    public ProviderType type() {
        return provider.type();
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        long started = System.nanoTime();
        Span span = spans.start(provider, request);
        try (Scope scope = span.makeCurrent()) {
            CompletionResult result = provider.stream(request, new FirstDelta(listener, started), cancel);
            spans.finished(span, result);
            metrics.finished(provider, result, since(started));
            return result;
        } catch (RuntimeException | Error e) {
            metrics.failed(provider, spans.failed(span, e), since(started));
            throw e;
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private final class FirstDelta implements StreamListener {
        private final StreamListener listener;
        private final long started;
        private boolean seen;

        FirstDelta(StreamListener listener, long started) {
            this.listener = listener;
            this.started = started;
        }

        @Override
        public void onContent(String delta) {
            if (!seen) {
                seen = true;
                metrics.firstChunk(provider, since(started));
            }
            listener.onContent(delta);
        }
    }
}
