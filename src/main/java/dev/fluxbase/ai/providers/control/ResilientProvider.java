package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderType;
import dev.fluxbase.ai.providers.entity.StreamListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The provider of a turn with its fallbacks: retries 429 and 5xx with backoff, then hands the request
 * to the next candidate when the failure says the provider is unavailable, but only as long as nothing
 * reached the listener. Once a token is out, a failure ends the turn with {@code STREAM_ERROR}: the
 * client cannot unsee it.
 *
 * <p>A chatbot's own model ({@code @fluxbase:model}) goes to the chosen provider only: a model name means
 * nothing to another vendor, so a fallback answers with its own model.
 *
 * <p>An explicit loop rather than MicroProfile Fault Tolerance's {@code @Retry}: Fault Tolerance 4.0
 * (MicroProfile 6.1) has no exponential backoff, cannot wait for a {@code Retry-After} the provider
 * sent, and retries a method as a whole, while here whether a retry is allowed depends on what the
 * stream already delivered.
 */
final class ResilientProvider implements ChatProvider {

    private static final Logger LOG = Logger.getLogger(ResilientProvider.class.getName());

    private final List<ChatProvider> candidates;
    private final RetryPolicy retries;
    private final Pause pause;
    private final String model;

    /** @param candidates the chosen provider first, then the fallbacks in order */
    ResilientProvider(List<ChatProvider> candidates, RetryPolicy retries, Pause pause) {
        this(candidates, retries, pause, null);
    }

    /** @param model the model the chosen provider is asked for, or null for its own */
    ResilientProvider(List<ChatProvider> candidates, RetryPolicy retries, Pause pause, String model) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no provider");
        }
        this.candidates = List.copyOf(candidates);
        this.retries = retries;
        this.pause = pause;
        this.model = model == null || model.isBlank() ? null : model.strip();
    }

    @Override
    public String name() {
        return candidates.get(0).name();
    }

    @Override
    public String model() {
        return model != null ? model : candidates.get(0).model();
    }

    @Override
    public ProviderType type() {
        return candidates.get(0).type();
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        FirstToken tracked = new FirstToken(listener);
        ProviderException chosenFailure = null;
        for (ChatProvider candidate : candidates) {
            try {
                boolean chosen = candidate == candidates.get(0);
                CompletionRequest asked = chosen ? request.withModel(model) : request.withModel(null);
                return withRetries(candidate, asked, tracked, cancel)
                        .answeredBy(candidate.name(), chosen && model != null ? model : candidate.model());
            } catch (ProviderException e) {
                if (tracked.seen) {
                    throw e.midStream();
                }
                boolean first = chosenFailure == null;
                if (first && !e.failure().transientFailure()) {
                    throw e;
                }
                chosenFailure = first ? e : chosenFailure;
            }
        }
        // Every fallback failed too: the chosen provider's failure is the one the admin can act on.
        throw chosenFailure;
    }

    private CompletionResult withRetries(ChatProvider provider, CompletionRequest request, FirstToken tracked, CancelSignal cancel) {
        for (int retry = 1; ; retry++) {
            try {
                return provider.stream(request, tracked, cancel);
            } catch (ProviderException e) {
                Optional<Duration> wait = tracked.seen ? Optional.empty()
                        : retries.pauseBefore(retry, e, ThreadLocalRandom.current().nextDouble());
                int attempt = retry;
                LOG.warning(() -> "Provider '" + provider.name() + "' failed (attempt " + attempt + "): " + e.getMessage()
                        + wait.map(w -> "; retrying in " + w.toMillis() + " ms").orElse(""));
                if (wait.isEmpty()) {
                    throw e;
                }
                pause.sleep(wait.get(), cancel);
            }
        }
    }

    /** Notes whether anything reached the client, which rules out another attempt. */
    private static final class FirstToken implements StreamListener {
        private final StreamListener listener;
        private boolean seen;

        FirstToken(StreamListener listener) {
            this.listener = listener;
        }

        @Override
        public void onContent(String delta) {
            seen = true;
            listener.onContent(delta);
        }
    }
}
