package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An extra server instance on the run's database and fake provider that a test may stop: with SIGTERM
 * (an orderly shutdown, as an orchestrator stops it) or by killing it. Closing it stops it if it still runs.
 */
public final class DisposableInstance implements AutoCloseable {

    private final Process process;
    private final ServerUnderTest server;
    private final Path log;

    DisposableInstance(Process process, ServerUnderTest server, Path log) {
        this.process = process;
        this.server = server;
        this.log = log;
    }

    public ServerUnderTest server() {
        return server;
    }

    /** Sends SIGTERM and returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Kills the process (SIGKILL): no shutdown at all, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** @return the exit code */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the instance did not exit within " + timeout + "; log: " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Its log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            FluxbaseServer.Running.stop(process);
        }
    }
}
