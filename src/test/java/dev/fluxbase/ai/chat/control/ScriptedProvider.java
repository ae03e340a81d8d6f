package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** A provider that plays its rounds in order, one per request, and keeps the requests it got. */
final class ScriptedProvider implements ChatProvider {

    /** One provider response: it streams to the listener and returns the result, or throws. */
    @FunctionalInterface
    interface Round {
        CompletionResult play(StreamListener listener);
    }

    private final Deque<Round> rounds;
    final List<CompletionRequest> requests = new ArrayList<>();

    ScriptedProvider(Round... rounds) {
        this.rounds = new ArrayDeque<>(Arrays.asList(rounds));
    }

    static Round text(TokenUsage usage, String... deltas) {
        return listener -> {
            Arrays.stream(deltas).forEach(listener::onContent);
            return new CompletionResult(String.join("", deltas), List.of(), usage, "stop");
        };
    }

    static Round calls(TokenUsage usage, ToolCall... calls) {
        return listener -> new CompletionResult("", List.of(calls), usage, "tool_calls");
    }

    static Round failing(Throwable failure) {
        return listener -> {
            throw ScriptedProvider.<RuntimeException>sneaky(failure);
        };
    }

    /** Throws any throwable (the scripts throw errors and unchecked exceptions) from a lambda. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable failure) throws T {
        throw (T) failure;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String model() {
        return "script-1";
    }

    @Override
    public synchronized CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
        requests.add(request);
        Round round = rounds.poll();
        if (round == null) {
            throw new AssertionError("the script has no round " + requests.size());
        }
        return round.play(listener);
    }
}
