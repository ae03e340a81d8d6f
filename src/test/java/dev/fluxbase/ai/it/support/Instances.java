package dev.fluxbase.ai.it.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The server instances of a run: the first, a second one on the same database, started on first use, and
 * disposable ones that tests start and stop themselves.
 */
final class Instances {

    private final List<ServerUnderTest> running = new CopyOnWriteArrayList<>();
    private Supplier<ServerUnderTest> secondStarter;
    private ServerUnderTest second;
    private BiFunction<Map<String, String>, List<String>, DisposableInstance> disposableStarter;

    void first(ServerUnderTest first, Supplier<ServerUnderTest> secondStarter,
            BiFunction<Map<String, String>, List<String>, DisposableInstance> disposableStarter) {
        running.add(first);
        this.secondStarter = secondStarter;
        this.disposableStarter = disposableStarter;
    }

    /** Not among the running instances: the clock and jobs hooks leave it alone. */
    DisposableInstance disposable(Map<String, String> environment, List<String> clusterArguments) {
        return disposableStarter.apply(environment, clusterArguments);
    }

    synchronized ServerUnderTest second() {
        if (second == null) {
            second = secondStarter.get();
            running.add(second);
        }
        return second;
    }

    List<ServerUnderTest> running() {
        return List.copyOf(running);
    }
}
