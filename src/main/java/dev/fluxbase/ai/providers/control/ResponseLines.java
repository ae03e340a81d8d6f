package dev.fluxbase.ai.providers.control;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One provider response, requested and read line by line on a worker thread, so that the turn's
 * thread can wait for each line with a deadline and walk away at once on a timeout or a cancel.
 *
 * <p>Why a thread: the JDK's HTTP connection, which the REST client uses, cannot be aborted from
 * another thread while a read is blocked (closing the stream waits for that read). An abandoned
 * worker stops at its next line, or when the socket read timeout ends a silent connection, and
 * closes the response itself.
 */
final class ResponseLines implements AutoCloseable {

    /** Requests the response and hands over its body; closing the body releases the connection. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws Exception;
    }

    /** What the worker hands over besides lines. */
    sealed interface Signal permits End, Failed, Abort {
    }

    record End() implements Signal {
    }

    /** @param opened whether the response had started (headers received) when it failed */
    record Failed(Throwable error, boolean opened) implements Signal {
    }

    record Abort() implements Signal {
    }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean abandoned;

    private ResponseLines() {
    }

    static ResponseLines start(Executor executor, Opener opener) {
        ResponseLines lines = new ResponseLines();
        executor.execute(() -> lines.pump(opener));
        return lines;
    }

    private void pump(Opener opener) {
        boolean opened = false;
        try (InputStream body = opener.open()) {
            opened = true;
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while (!abandoned && (line = reader.readLine()) != null) {
                queue.add(line);
            }
            queue.add(new End());
        } catch (Exception | Error e) {
            queue.add(new Failed(e, opened));
        }
    }

    /**
     * The next line or {@link Signal}, or null when nothing came within the timeout.
     *
     * @throws InterruptedException when the turn's thread is interrupted
     */
    Object next(long timeoutNanos) throws InterruptedException {
        return queue.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /** Wakes the waiting thread with {@link Abort}; safe from any thread. */
    void abort() {
        abandoned = true;
        queue.add(new Abort());
    }

    @Override
    public void close() {
        abandoned = true;
    }
}
