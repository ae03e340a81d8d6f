package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed request to a provider: a worker reads the response and feeds its lines to the dialect's
 * parser, which calls the listener there ({@link ResponseLines}); the turn's thread waits for the result
 * and enforces the first-token and idle deadlines. A cancel, a timeout or a failure gives up the worker
 * at once, and the listener hears nothing more once this returns.
 */
final class StreamingCall {

    private final Executor executor;
    private final StreamTimeouts timeouts;

    StreamingCall(Executor executor, StreamTimeouts timeouts) {
        this.executor = executor;
        this.timeouts = timeouts;
    }

    CompletionResult run(ResponseLines.Opener opener, StreamParser parser, CancelSignal cancel) {
        cancel.throwIfCancelled();
        long firstTokenDeadline = System.nanoTime() + timeouts.firstToken().toNanos();
        ResponseLines lines = ResponseLines.start(executor, opener, parser);
        AutoCloseable hook = cancel.onCancel(lines::cancel);
        try {
            return await(lines, firstTokenDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnCancelled();
        } finally {
            lines.abandon();
            closeQuietly(hook);
        }
    }

    private CompletionResult await(ResponseLines lines, long firstTokenDeadline) throws InterruptedException {
        while (true) {
            boolean tokenSeen = lines.tokenSeen();
            long deadline = tokenSeen ? lines.lastLineNanos() + timeouts.idle().toNanos() : firstTokenDeadline;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timeout(tokenSeen);
            }
            try {
                return lines.outcome().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // a line may have come in the meantime and moved the deadline: look again
            } catch (ExecutionException e) {
                throw failure(e.getCause(), lines.tokenSeen());
            }
        }
    }

    private ProviderException timeout(boolean tokenSeen) {
        return tokenSeen
                ? ProviderException.of(Failure.TIMEOUT, "Provider stopped streaming: no data for " + seconds(timeouts.idle()))
                : ProviderException.of(Failure.TIMEOUT, "Provider timed out waiting for the first token (" + seconds(timeouts.firstToken()) + ")");
    }

    private RuntimeException failure(Throwable cause, boolean tokenSeen) {
        if (!(cause instanceof ResponseLines.ReadFailure failed)) {
            return (RuntimeException) cause;
        }
        Throwable error = failed.getCause();
        if (error instanceof ProviderException known) {
            return known;
        }
        Throwable root = rootCause(error);
        if (root instanceof SocketTimeoutException && !String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            return timeout(tokenSeen);
        }
        return failed.opened()
                ? new ProviderException(Failure.BROKEN_STREAM, "Provider stream failed: " + describe(root), error)
                : new ProviderException(Failure.UNREACHABLE, "Provider unreachable: " + describe(root), error);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable root) {
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // removing a cancel hook cannot fail
        }
    }
}
