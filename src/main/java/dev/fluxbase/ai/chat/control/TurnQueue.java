package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The turns of one conversation run one after another, in the order their messages arrived, so that
 * a conversation's frames are never interleaved. Each turn has its own cancel signal.
 */
final class TurnQueue {

    private static final Logger LOG = Logger.getLogger(TurnQueue.class.getName());

    private final Executor executor;
    private final Set<CancelSignal> pending = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    TurnQueue(Executor executor) {
        this.executor = executor;
    }

    /** @param refused run when the executor refuses the turn (a full or stopping pool), so that it still ends */
    synchronized void submit(Consumer<CancelSignal> turn, Runnable refused) {
        CancelSignal signal = new CancelSignal();
        pending.add(signal);
        // exceptionally: a turn the executor refused must not leave every later turn of the conversation
        // chained to a failed stage, never to run. Only a refusal gets there: run lets nothing escape.
        tail = tail.thenRunAsync(() -> run(turn, signal), executor).exceptionally(refusal -> {
            pending.remove(signal);
            LOG.warning("A chat turn could not be started: " + refusal); // no trace: a full pool refuses many
            tell(refused);
            return null;
        });
    }

    /** A failure here would break the chain like the refusal itself. */
    private static void tell(Runnable refused) {
        try {
            refused.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A refused chat turn could not be told", e);
        }
    }

    private void run(Consumer<CancelSignal> turn, CancelSignal signal) {
        try {
            turn.accept(signal);
        } catch (Throwable e) {
            // a turn ends itself; what still escapes it (an Error included) the future would keep without a word
            LOG.log(Level.SEVERE, "A chat turn failed outside its own handling", e);
        } finally {
            pending.remove(signal);
        }
    }

    /** Cancels the running and the waiting turns; false when there was nothing to cancel. */
    boolean cancelAll() {
        boolean any = !pending.isEmpty();
        pending.forEach(CancelSignal::cancel);
        return any;
    }
}
