package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The turns of one conversation run one after another, in the order their messages arrived, so that
 * a conversation's frames are never interleaved. Each turn has its own cancel signal.
 */
final class TurnQueue {

    private final Executor executor;
    private final Set<CancelSignal> pending = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    TurnQueue(Executor executor) {
        this.executor = executor;
    }

    synchronized void submit(Consumer<CancelSignal> turn) {
        CancelSignal signal = new CancelSignal();
        pending.add(signal);
        // exceptionally: a turn the executor refused (a full or stopping pool) must not leave every later
        // turn of the conversation chained to a failed stage, never to run.
        tail = tail.thenRunAsync(() -> {
            try {
                turn.accept(signal);
            } finally {
                pending.remove(signal);
            }
        }, executor).exceptionally(refused -> {
            pending.remove(signal);
            return null;
        });
    }

    /** Cancels the running and the waiting turns; false when there was nothing to cancel. */
    boolean cancelAll() {
        boolean any = !pending.isEmpty();
        pending.forEach(CancelSignal::cancel);
        return any;
    }
}
