package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.time.Duration;

/**
 * Measures the requests of one provider. It sits below the retries and the failover, so that the
 * provider that really answered gets the time and the tokens. The only cost on the delta path is one
 * boolean check.
 */
final class MeteredProvider implements ChatProvider {

    private final ChatProvider provider;
    private final ProviderMetrics metrics;

    MeteredProvider(ChatProvider provider, ProviderMetrics metrics) {
        this.provider = provider;
        this.metrics = metrics;
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
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            CompletionResult result = provider.stream(request, new FirstDelta(listener, started), cancel);
            outcome = "ok";
            metrics.tokens(provider, result.usage());
            return result;
        } catch (TurnCancelled e) {
            outcome = "cancelled";
            throw e;
        } finally {
            metrics.request(provider, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
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
                metrics.firstToken(provider, Duration.ofNanos(System.nanoTime() - started));
            }
            listener.onContent(delta);
        }
    }
}
