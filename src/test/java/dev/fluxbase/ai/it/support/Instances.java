package dev.fluxbase.ai.it.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The server instances of a run: the first, and a second one on the same database, started on first use. */
final class Instances {

    private final List<ServerUnderTest> running = new CopyOnWriteArrayList<>();
    private Supplier<ServerUnderTest> secondStarter;
    private ServerUnderTest second;

    void first(ServerUnderTest first, Supplier<ServerUnderTest> secondStarter) {
        running.add(first);
        this.secondStarter = secondStarter;
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
