package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.platform.control.Terminal;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stopping an instance without breaking the turns it runs: from the moment the shutdown begins new
 * turns are refused with {@code SHUTTING_DOWN} (the client reconnects, through the load balancer, to
 * another instance), running turns get a grace period to finish, and those still running then are
 * ended with an {@code error} frame. Every ending books its usage and stored question as usual.
 */
@ApplicationScoped
public class ChatShutdown {

    private static final Logger LOG = Logger.getLogger(ChatShutdown.class.getName());
    /** How long the turns ended at the end of the grace period get to send their error and book their usage. */
    private static final long ENDING_MS = 5000;

    // Not the bean's own monitor: Weld's client proxy copies "synchronized" and locks the proxy, which a
    // wait() inside the bean does not release, so a draining thread would keep every turn from leaving.
    private final Object lock = new Object();
    private final Set<CancelSignal> running = ConcurrentHashMap.newKeySet();
    private final Set<CancelSignal> ended = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    @Inject
    @ConfigProperty(name = "fluxbase.shutdown.grace-ms", defaultValue = "10000")
    long graceMs;

    /** Refuses what would start new work once the shutdown began. */
    public void checkOpen() {
        if (draining) {
            throw refusal();
        }
    }

    /** Registers a turn that starts now; refused when the shutdown began. */
    void enter(CancelSignal turn) {
        synchronized (lock) {
            checkOpen();
            running.add(turn);
        }
    }

    void leave(CancelSignal turn) {
        synchronized (lock) {
            running.remove(turn);
            ended.remove(turn);
            lock.notifyAll();
        }
    }

    /** Whether this turn was cancelled because the grace period ran out, not by its client. */
    boolean endedByShutdown(CancelSignal turn) {
        return ended.contains(turn);
    }

    static ChatException refusal() {
        return new ChatException(ErrorCodes.SHUTTING_DOWN, "The server is shutting down; reconnect to continue");
    }

    /** Blocks until the running turns finished, at most the grace period, then ends the others. */
    public void drain() {
        synchronized (lock) {
            if (draining) {
                return;
            }
            draining = true;
            announce("Shutting down: " + running.size() + " running chat turn(s) get " + graceMs + " ms to finish");
            if (!awaitIdle(graceMs)) {
                announce("Ending " + running.size() + " chat turn(s) still running after the grace period");
                ended.addAll(running);
                running.forEach(CancelSignal::cancel);
                awaitIdle(ENDING_MS);
            }
        }
    }

    /**
     * Also on standard error: on SIGTERM the JDK's own shutdown hook resets java.util.logging's handlers
     * while Payara undeploys, so log records of the shutdown are mostly lost.
     */
    public static void announce(String message) {
        Terminal.announce(LOG, message);
    }

    /** Called holding the lock. */
    private boolean awaitIdle(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            for (long left = millis; !running.isEmpty() && left > 0; left = deadline - System.currentTimeMillis()) {
                lock.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return running.isEmpty();
    }
}
