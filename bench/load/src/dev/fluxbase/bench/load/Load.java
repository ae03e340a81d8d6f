package dev.fluxbase.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The two ways of making load: closed loops (each of n workers starts its next turn when the last one
 * ended) and an open loop (turns start at a fixed rate on whichever worker is free). Both warm up,
 * then record for the measured window.
 */
final class Load {

    /** One worker's turn: completes with true when it ended with {@code done}. */
    interface Turn extends Function<Recorder, CompletableFuture<Boolean>> {
    }

    /** A finished run. */
    record Run(Recorder recorder, double seconds, long skipped, boolean drained) {
        double turnsPerSecond() {
            return recorder.turns.get() / seconds;
        }
    }

    /** Called when the measured window opens and when it closes, e.g. to read CPU counters. */
    interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, Threads.daemon("load-timer"));
    private final int durationSeconds;

    Load(int durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    /**
     * n workers in closed loops, started spread over {@code spreadMillis} so they do not move in step;
     * measured after {@code warmupSeconds} of the same load.
     */
    Run closed(int n, IntFunction<Turn> workers, long spreadMillis, int warmupSeconds) throws InterruptedException {
        return closed(n, workers, spreadMillis, warmupSeconds, Window.NONE);
    }

    /** As {@link #closed(int, IntFunction, long, int)}, telling {@code window} when the measured window opens and closes. */
    Run closed(int n, IntFunction<Turn> workers, long spreadMillis, int warmupSeconds, Window window) throws InterruptedException {
        Recorder recorder = new Recorder();
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Turn turn = workers.apply(i);
            long delay = spreadMillis * i / Math.max(1, n);
            loops.add(CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                    .thenCompose(v -> loop(turn, recorder, stop)));
        }
        double seconds = measure(recorder, warmupSeconds, window);
        stop.set(true);
        return new Run(recorder, seconds, 0, drained(CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)), 60));
    }

    private static CompletableFuture<Void> loop(Turn turn, Recorder recorder, AtomicBoolean stop) {
        return turn.apply(recorder).handle((done, error) -> {
                    if (error != null) {
                        recorder.error("TURN_FAILED " + error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                    return error == null;
                })
                .thenCompose(alive -> alive && !stop.get() ? loop(turn, recorder, stop) : CompletableFuture.completedFuture(null));
    }

    /** Turns started at {@code perSecond} on n workers; a tick that finds no free worker is skipped and counted. */
    Run open(int n, IntFunction<Turn> workers, int perSecond, int warmupSeconds) throws InterruptedException {
        Recorder recorder = new Recorder();
        ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            turns.add(workers.apply(i));
            idle.add(i);
        }
        AtomicLong skipped = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> {
            Integer worker = idle.poll();
            if (worker == null) {
                skipped.incrementAndGet();
                return;
            }
            busy.incrementAndGet();
            turns.get(worker).apply(recorder).whenComplete((done, error) -> {
                busy.decrementAndGet();
                if (error == null) {
                    idle.add(worker);
                }
            });
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        double seconds = measure(recorder, warmupSeconds, Window.NONE);
        ticks.cancel(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (busy.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // waiting for the last turns of a paced run
        }
        return new Run(recorder, seconds, skipped.get(), busy.get() == 0);
    }

    private double measure(Recorder recorder, int warmupSeconds, Window window) throws InterruptedException {
        TimeUnit.SECONDS.sleep(warmupSeconds);
        window.opened();
        recorder.recording = true;
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(durationSeconds);
        recorder.recording = false;
        double seconds = (System.nanoTime() - start) / 1e9;
        window.closed();
        return seconds;
    }

    static boolean drained(CompletableFuture<?> all, int seconds) throws InterruptedException {
        try {
            all.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        }
    }
}
