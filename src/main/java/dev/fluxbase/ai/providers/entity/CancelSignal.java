package dev.fluxbase.ai.providers.entity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets another thread stop a running turn: whoever blocks (a provider stream, a query) registers how
 * to abort itself, and {@link #cancel()} runs those hooks at once.
 */
public final class CancelSignal {

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        hooks.forEach(CancelSignal::runQuietly);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the hook on cancel, or right away when already cancelled; the returned handle removes it. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            runQuietly(hook);
        }
        return () -> hooks.remove(hook);
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new TurnCancelled();
        }
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            // aborting is best effort: the resource may already be closed
        }
    }
}
