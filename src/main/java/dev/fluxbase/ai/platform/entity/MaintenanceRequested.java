package dev.fluxbase.ai.platform.entity;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks every component to run its periodic jobs now, as of {@code now}, waiting for other instances
 * rather than skipping; each job reports how many rows it handled.
 */
public final class MaintenanceRequested {

    private final Instant now;
    private final Map<String, Integer> results = new TreeMap<>();

    public MaintenanceRequested(Instant now) {
        this.now = now;
    }

    public Instant now() {
        return now;
    }

    public synchronized void report(String job, int rows) {
        results.put(job, rows);
    }

    public synchronized Map<String, Integer> results() {
        return Map.copyOf(results);
    }
}
