package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * One streamed request to a provider, on the turn's thread: takes the lines the worker reads, feeds
 * them to the dialect's parser (which calls the listener here, on this thread) and enforces the
 * first-token and idle deadlines. A cancel, a timeout or a failure gives up the worker at once.
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
        ResponseLines lines = ResponseLines.start(executor, opener);
        AutoCloseable hook = cancel.onCancel(lines::abort);
        try {
            return read(lines, parser, cancel, firstTokenDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnCancelled();
        } finally {
            lines.close();
            closeQuietly(hook);
        }
    }

    private CompletionResult read(ResponseLines lines, StreamParser parser, CancelSignal cancel, long firstTokenDeadline)
            throws InterruptedException {
        boolean tokenSeen = false;
        long deadline = firstTokenDeadline;
        while (true) {
            Object item = lines.next(deadline - System.nanoTime());
            cancel.throwIfCancelled();
            if (item == null) {
                throw timeout(tokenSeen);
            } else if (item instanceof String line) {
                StreamParser.Progress progress = parser.accept(line);
                if (progress == StreamParser.Progress.FINISHED) {
                    return parser.result();
                }
                tokenSeen |= progress == StreamParser.Progress.TOKEN;
                deadline = tokenSeen ? System.nanoTime() + timeouts.idle().toNanos() : firstTokenDeadline;
            } else if (item instanceof ResponseLines.End) {
                if (parser.accept("") == StreamParser.Progress.FINISHED) {
                    return parser.result();
                }
                throw StreamLines.ended();
            } else if (item instanceof ResponseLines.Failed failed) {
                throw failure(failed, tokenSeen);
            }
        }
    }

    private ProviderException timeout(boolean tokenSeen) {
        return tokenSeen
                ? ProviderException.of(Failure.TIMEOUT, "Provider stopped streaming: no data for " + seconds(timeouts.idle()))
                : ProviderException.of(Failure.TIMEOUT, "Provider timed out waiting for the first token (" + seconds(timeouts.firstToken()) + ")");
    }

    private ProviderException failure(ResponseLines.Failed failed, boolean tokenSeen) {
        Throwable error = failed.error();
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
