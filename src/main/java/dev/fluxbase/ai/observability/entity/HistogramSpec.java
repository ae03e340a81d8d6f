package dev.fluxbase.ai.observability.entity;

import java.util.List;

/**
 * A histogram as OpenTelemetry names it, with explicit bucket boundaries so that the counts of several
 * instances add up, and the attributes it is recorded with (always these, in this order; a value may be
 * absent). Units follow UCUM as OpenTelemetry does: {@code s} for seconds, {@code {token}} for a count.
 */
public record HistogramSpec(String name, String unit, String description, List<Double> boundaries, List<String> attributes) {

    public HistogramSpec {
        boundaries = List.copyOf(boundaries);
        attributes = List.copyOf(attributes);
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= boundaries.get(i - 1)) {
                throw new IllegalArgumentException("bucket boundaries must increase: " + boundaries);
            }
        }
    }
}
