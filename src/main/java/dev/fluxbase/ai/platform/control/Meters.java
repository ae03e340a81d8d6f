package dev.fluxbase.ai.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's counters and gauges in MicroProfile Metrics' application registry (latencies are
 * histograms: {@link dev.fluxbase.ai.observability.control.HistogramRecorder}), which Payara serves in
 * Prometheus format at {@code /metrics} with its base and vendor metrics. Every metric carries a
 * description, so that {@code # HELP} says what it counts. Tag values are never null.
 */
@ApplicationScoped
public class Meters {

    @Inject
    MetricRegistry registry;

    public Counter counter(String name, String description, String... tags) {
        return registry.counter(metadata(name, description), tags(tags));
    }

    public void gauge(String name, String description, Supplier<? extends Number> value) {
        registry.gauge(metadata(name, description), () -> value.get());
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    /** @param pairs name, value, name, value... */
    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            String value = pairs[2 * i + 1];
            tags[i] = new Tag(pairs[2 * i], value == null || value.isEmpty() ? "unknown" : value);
        }
        return tags;
    }
}
