package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilientProviderTest {

    private static final CompletionRequest REQUEST = new CompletionRequest(List.of(ChatMessage.user("hi")), List.of(), 10, null);
    private static final RetryPolicy TWO_RETRIES = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(5));

    private final List<String> calls = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> deltas = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private final Pause recordPause = (duration, cancel) -> pauses.add(duration);

    /** Answers each call with the next scripted outcome: a text, or a failure after some deltas. */
    private final class Scripted implements ChatProvider {
        private final String name;
        private final Deque<Object> outcomes = new ArrayDeque<>();

        Scripted(String name, Object... outcomes) {
            this.name = name;
            this.outcomes.addAll(List.of(outcomes));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String model() {
            return name + "-model";
        }

        @Override
        public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
            calls.add(name);
            models.add(request.modelOr(model()));
            Object outcome = outcomes.removeFirst();
            if (outcome instanceof ProviderException e) {
                throw e;
            }
            if (outcome instanceof Partial partial) {
                listener.onContent(partial.delta());
                throw partial.failure();
            }
            listener.onContent((String) outcome);
            return new CompletionResult((String) outcome, List.of(), new TokenUsage(1, 1), "stop");
        }
    }

    private record Partial(String delta, ProviderException failure) {
    }

    private CompletionResult stream(RetryPolicy policy, ChatProvider... providers) {
        return new ResilientProvider(List.of(providers), policy, recordPause).stream(REQUEST, deltas::add, new CancelSignal());
    }

    private static ProviderException status(int status) {
        return ProviderException.forStatus(status, "");
    }

    @Test
    void retriesARateLimitThenSucceeds() {
        CompletionResult result = stream(TWO_RETRIES, new Scripted("a", status(429), status(503), "fine"));
        assertThat(result.content()).isEqualTo("fine");
        assertThat(calls).containsExactly("a", "a", "a");
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(deltas).containsExactly("fine");
    }

    @Test
    void surfacesTheRateLimitOnceRetriesAreSpent() {
        assertThatThrownBy(() -> stream(TWO_RETRIES, new Scripted("a", status(429), status(429), status(429))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo("PROVIDER_RATE_LIMITED"));
        assertThat(calls).hasSize(3);
    }

    @Test
    void failsOverToTheNextProviderBeforeTheFirstToken() {
        CompletionResult result = stream(TWO_RETRIES, new Scripted("a", status(500), status(500), status(500)), new Scripted("b", "from b"));
        assertThat(result.content()).isEqualTo("from b");
        assertThat(calls).containsExactly("a", "a", "a", "b");
    }

    @Test
    void unreachableAndTimedOutProvidersAreNotRetriedButFailedOver() {
        ProviderException down = ProviderException.of(ProviderException.Failure.UNREACHABLE, "refused");
        ProviderException slow = ProviderException.of(ProviderException.Failure.TIMEOUT, "slow");
        stream(TWO_RETRIES, new Scripted("a", down), new Scripted("b", slow), new Scripted("c", "ok"));
        assertThat(calls).containsExactly("a", "b", "c");
        assertThat(pauses).isEmpty();
    }

    @Test
    void anAuthFailureOfTheChosenProviderIsNeitherRetriedNorFailedOver() {
        assertThatThrownBy(() -> stream(TWO_RETRIES, new Scripted("a", status(401)), new Scripted("b", "never")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo("PROVIDER_AUTH_FAILED"));
        assertThat(calls).containsExactly("a");
    }

    @Test
    void aBrokenFallbackIsSkippedAndTheChosenProvidersFailureIsReported() {
        assertThatThrownBy(() -> stream(new RetryPolicy(0, Duration.ZERO, Duration.ZERO),
                new Scripted("a", status(502)), new Scripted("b", status(401)), new Scripted("c", status(500))))
                .hasMessage("Provider error (HTTP 502)");
        assertThat(calls).containsExactly("a", "b", "c");
    }

    @Test
    void afterTheFirstTokenAFailureEndsTheCallAsAStreamError() {
        ProviderException cut = ProviderException.of(ProviderException.Failure.BROKEN_STREAM, "Provider stream ended unexpectedly");
        ProviderException overloadedLater = status(503);
        assertThatThrownBy(() -> stream(TWO_RETRIES, new Scripted("a", new Partial("par", cut)), new Scripted("b", "never")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("STREAM_ERROR");
                    assertThat(e.getMessage()).isEqualTo("The answer was interrupted: Provider stream ended unexpectedly");
                    assertThat(e.getCause()).isSameAs(cut);
                });
        assertThatThrownBy(() -> stream(TWO_RETRIES, new Scripted("c", new Partial("tial", overloadedLater)), new Scripted("d", "never")))
                .hasCause(overloadedLater);
        assertThat(calls).containsExactly("a", "c");
        assertThat(deltas).containsExactly("par", "tial");
    }

    @Test
    void aCancelDuringTheBackoffEndsTheTurn() {
        CancelSignal cancel = new CancelSignal();
        Pause cancelWhileWaiting = (duration, signal) -> {
            signal.cancel();
            Pause.CANCELLABLE.sleep(Duration.ofSeconds(30), signal);
        };
        ResilientProvider provider = new ResilientProvider(List.of(new Scripted("a", status(429), "late")), TWO_RETRIES, cancelWhileWaiting);
        long started = System.nanoTime();
        assertThatThrownBy(() -> provider.stream(REQUEST, deltas::add, cancel)).isInstanceOf(TurnCancelled.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void namesTheChosenProvider() {
        ResilientProvider provider = new ResilientProvider(List.of(new Scripted("a"), new Scripted("b")), TWO_RETRIES, recordPause);
        assertThat(provider.name()).isEqualTo("a");
        assertThat(provider.model()).isEqualTo("a-model");
    }

    @Test
    void theChatbotsModelGoesToTheChosenProviderAndNotToAFallback() {
        ResilientProvider provider = new ResilientProvider(List.of(new Scripted("chosen", status(500)), new Scripted("fallback", "ok")),
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO), recordPause, "claude-it");

        provider.stream(REQUEST, deltas::add, new CancelSignal());

        assertThat(provider.model()).isEqualTo("claude-it");
        assertThat(calls).containsExactly("chosen", "fallback");
        assertThat(models).containsExactly("claude-it", "fallback-model");
    }

    @Test
    void aResultNamesTheProviderThatAnsweredAndTheModelItWasAskedFor() {
        RetryPolicy none = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
        CompletionResult fallback = new ResilientProvider(List.of(new Scripted("chosen", status(503)), new Scripted("fallback", "ok")),
                none, recordPause, "claude-it").stream(REQUEST, deltas::add, new CancelSignal());
        CompletionResult chosen = new ResilientProvider(List.of(new Scripted("chosen", "ok"), new Scripted("fallback")),
                none, recordPause, "claude-it").stream(REQUEST, deltas::add, new CancelSignal());

        assertThat(fallback.answerer()).isEqualTo(new CompletionResult.Answerer("fallback", "fallback-model"));
        assertThat(chosen.answerer()).isEqualTo(new CompletionResult.Answerer("chosen", "claude-it"));
    }

    @Test
    void withoutAModelOfItsOwnTheChatbotGetsTheProvidersModel() {
        ResilientProvider provider = new ResilientProvider(List.of(new Scripted("chosen", "ok")), TWO_RETRIES, recordPause, " ");

        provider.stream(REQUEST, deltas::add, new CancelSignal());

        assertThat(provider.model()).isEqualTo("chosen-model");
        assertThat(models).containsExactly("chosen-model");
    }
}
