package dev.fluxbase.ai.it.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The server instances of a run: the first, a second one on the same database and one that trusts the run's
 * Keycloak, each started on first use, and disposable ones that tests start and stop themselves.
 */
final class Instances {

    private final List<ServerUnderTest> running = new CopyOnWriteArrayList<>();
    private Supplier<ServerUnderTest> secondStarter;
    private ServerUnderTest second;
    private BiFunction<Map<String, String>, List<String>, DisposableInstance> disposableStarter;
    private Supplier<ServerUnderTest> keycloakStarter;
    private ServerUnderTest keycloak;

    void first(ServerUnderTest first, Supplier<ServerUnderTest> secondStarter,
            BiFunction<Map<String, String>, List<String>, DisposableInstance> disposableStarter, Supplier<ServerUnderTest> keycloakStarter) {
        running.add(first);
        this.secondStarter = secondStarter;
        this.disposableStarter = disposableStarter;
        this.keycloakStarter = keycloakStarter;
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

    /** Not among the running instances either: tests that move clocks do not expect it, and its tokens are Keycloak's. */
    synchronized ServerUnderTest keycloak() {
        if (keycloak == null) {
            keycloak = keycloakStarter.get();
        }
        return keycloak;
    }

    List<ServerUnderTest> running() {
        return List.copyOf(running);
    }
}
