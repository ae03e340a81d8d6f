package dev.fluxbase.ai.tools.sqlguard.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses that run past their deadline by raising the parser's own {@code interrupted} flag, which it
 * checks while parsing expressions. Parses in flight are kept in a map that one daemon thread inspects every
 * {@value #TICK_MILLIS} ms (or more often for shorter time-outs) while there are any: a task scheduled per parse
 * would cost a thread wake-up each time, about a fifth of the parse itself. The thread ends after a while
 * without parses.
 */
final class ParseWatchdog implements AutoCloseable {

    static final long TICK_MILLIS = 50;

    private final long timeoutNanos;
    private final long tickMillis;
    private final Map<CCJSqlParser, Long> deadlines = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, ParseWatchdog::daemon);

    ParseWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.tickMillis = Math.max(1, Math.min(TICK_MILLIS, timeout.toMillis()));
        ticker.setKeepAliveTime(30, TimeUnit.SECONDS);
        ticker.allowCoreThreadTimeOut(true);
    }

    void watch(CCJSqlParser parser) {
        deadlines.put(parser, System.nanoTime() + timeoutNanos);
        if (ticking.compareAndSet(false, true)) {
            ticker.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    void release(CCJSqlParser parser) {
        deadlines.remove(parser);
    }

    private void tick() {
        long now = System.nanoTime();
        deadlines.forEach((parser, deadline) -> {
            if (now - deadline >= 0) {
                parser.interrupted = true;
            }
        });
        if (keepTicking()) {
            ticker.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops when nothing is in flight; a parse registered meanwhile either is seen here or starts a new tick. */
    private boolean keepTicking() {
        if (!deadlines.isEmpty()) {
            return true;
        }
        ticking.set(false);
        return !deadlines.isEmpty() && ticking.compareAndSet(false, true);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "sql-guard-parse-watchdog");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
