package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.control.Meters;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Per provider and model: requests and their duration by outcome, time to the first text delta, tokens. */
@ApplicationScoped
public class ProviderMetrics {

    @Inject
    Meters meters;

    /** Wraps one provider so that each of its requests (every retry and fallback on its own) is measured. */
    ChatProvider metered(ChatProvider provider) {
        return new MeteredProvider(provider, this);
    }

    void request(ChatProvider provider, String outcome, Duration duration) {
        meters.time("fluxbase.provider.request", "Provider requests from sending to the end of the stream, by outcome (ok, error, cancelled)",
                duration, "provider", provider.name(), "model", provider.model(), "outcome", outcome);
    }

    void firstToken(ChatProvider provider, Duration duration) {
        meters.time("fluxbase.provider.first_token", "Time from sending a provider request to its first text delta",
                duration, "provider", provider.name(), "model", provider.model());
    }

    void tokens(ChatProvider provider, TokenUsage usage) {
        tokens(provider, "prompt", usage.promptTokens());
        tokens(provider, "completion", usage.completionTokens());
    }

    private void tokens(ChatProvider provider, String kind, int count) {
        meters.counter("fluxbase.provider.tokens", "Tokens the providers reported, by provider, model and kind (prompt, completion)",
                "provider", provider.name(), "model", provider.model(), "kind", kind).inc(count);
    }
}
