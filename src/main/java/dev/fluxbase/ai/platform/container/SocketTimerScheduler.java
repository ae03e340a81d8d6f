package dev.fluxbase.ai.platform.container;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler of the chat sockets' timers. Tyrus restarts a session's idle timer on every frame sent
 * or received: it cancels the last timer task and schedules a new one due after the session's idle
 * timeout. With no idle timeout (0, our sockets' setting) the new task is due at once and does nothing
 * when it runs, so this scheduler answers it with a finished future instead of queueing it and waking a
 * thread to run it. Every other task is scheduled as usual, and a cancelled one leaves the queue at once.
 * After a shutdown new tasks are dropped: a socket's timer after the application stopped has nothing to do.
 */
final class SocketTimerScheduler extends ScheduledThreadPoolExecutor {

    static final String IDLE_CHECK = "org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand";

    SocketTimerScheduler(ThreadFactory threads) {
        super(1, threads, new DiscardPolicy());
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay <= 0 && command.getClass().getName().equals(IDLE_CHECK)) {
            return Finished.FUTURE;
        }
        return super.schedule(command, delay, unit);
    }

    /** The future of a task that had nothing to do. */
    private static final class Finished implements ScheduledFuture<Object> {
        static final Finished FUTURE = new Finished();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
