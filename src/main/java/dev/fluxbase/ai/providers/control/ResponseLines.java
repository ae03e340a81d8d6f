package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One provider response, requested and read line by line on a worker thread, which feeds each line to
 * the parser itself: a delta goes from the provider's socket to the client's in one thread, with no
 * hand-over in between. The turn's thread only waits for the outcome, so that it can enforce the
 * deadlines and walk away at once on a timeout or a cancel.
 *
 * <p>Why a thread at all: the JDK's HTTP connection, which the REST client uses, cannot be aborted from
 * another thread while a read is blocked (closing the stream waits for that read). Once abandoned, the
 * worker hands nothing more to the parser (a line being handed over when that happens is finished
 * first), stops at its next line, or when the socket read timeout ends a silent connection, and closes
 * the response itself.
 *
 * <p>At the end marker the response is closed before the result is handed over, so that its connection,
 * when the provider had already ended the response, is back in the pool before the turn goes on.
 */
final class ResponseLines {

    /** Requests the response and hands over its body; closing the body releases the connection. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws Exception;
    }

    /** Reading failed; {@code opened} tells whether the response had started (headers received). */
    static final class ReadFailure extends RuntimeException {
        private final boolean opened;

        ReadFailure(Throwable cause, boolean opened) {
            super(cause);
            this.opened = opened;
        }

        boolean opened() {
            return opened;
        }
    }

    private final StreamParser parser;
    private final CompletableFuture<CompletionResult> outcome = new CompletableFuture<>();
    private final Object handOver = new Object();
    private boolean abandoned; // guarded by handOver
    private CompletionResult answer; // the worker's own: set at the end marker, handed over after the close
    private volatile boolean tokenSeen;
    private volatile long lastLineNanos;

    private ResponseLines(StreamParser parser) {
        this.parser = parser;
    }

    static ResponseLines start(Executor executor, Opener opener, StreamParser parser) {
        ResponseLines lines = new ResponseLines(parser);
        executor.execute(() -> lines.pump(opener));
        return lines;
    }

    /**
     * The result; or, as the cause, a {@link ReadFailure}, {@link TurnCancelled}, or whatever the parser
     * (or the listener it called) threw, which the turn gets as it is.
     */
    CompletableFuture<CompletionResult> outcome() {
        return outcome;
    }

    boolean tokenSeen() {
        return tokenSeen;
    }

    long lastLineNanos() {
        return lastLineNanos;
    }

    private void pump(Opener opener) {
        boolean opened = false;
        try (InputStream body = opener.open()) {
            opened = true;
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            boolean more = true;
            String line;
            while (more && (line = reader.readLine()) != null) {
                more = handOver(line);
            }
            if (more && handOver("")) {
                outcome.completeExceptionally(StreamLines.ended());
            }
        } catch (Exception | Error e) {
            if (answer == null) {
                outcome.completeExceptionally(new ReadFailure(e, opened));
            }
        }
        if (answer != null) {
            outcome.complete(answer);
        }
    }

    /** @return whether to go on reading */
    private boolean handOver(String line) {
        synchronized (handOver) {
            if (abandoned || outcome.isDone()) {
                return false;
            }
            try {
                StreamParser.Progress progress = parser.accept(line);
                if (progress == StreamParser.Progress.FINISHED) {
                    answer = parser.result();
                    return false;
                }
                tokenSeen |= progress == StreamParser.Progress.TOKEN;
                lastLineNanos = System.nanoTime();
                return true;
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
                return false;
            }
        }
    }

    /** Wakes the waiting turn with {@link TurnCancelled}; safe from any thread. */
    void cancel() {
        outcome.completeExceptionally(new TurnCancelled());
    }

    /** Nothing more reaches the parser once this returns (a hand-over under way is finished first). */
    void abandon() {
        synchronized (handOver) {
            abandoned = true;
        }
    }
}
