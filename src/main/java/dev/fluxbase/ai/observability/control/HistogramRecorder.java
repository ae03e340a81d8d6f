package dev.fluxbase.ai.observability.control;

import dev.fluxbase.ai.observability.entity.HistogramSpec;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Records histograms twice: into OpenTelemetry (exported over OTLP when {@code OTEL_METRICS_EXPORTER=otlp},
 * with the explicit buckets of the spec), and as cumulative bucket counts on {@code /metrics}, in
 * Prometheus' histogram layout ({@code _bucket{le=...}}, {@code _sum}, {@code _count}) under the names
 * OpenTelemetry's Prometheus translation gives them. MicroProfile Metrics' own histograms and timers
 * cannot serve there: Payara writes them as summaries, and its buckets count the values of a decaying
 * sample, which do not only grow and do not add up across instances. So each series is a set of gauges
 * that read {@link BucketCounts}.
 */
@ApplicationScoped
public class HistogramRecorder {

    private static final Logger LOG = Logger.getLogger(HistogramRecorder.class.getName());
    static final String SCOPE = "dev.fluxbase.ai";

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    MetricRegistry registry;

    private final Map<String, DoubleHistogram> instruments = new ConcurrentHashMap<>();
    private final Map<List<String>, BucketCounts> series = new ConcurrentHashMap<>();
    private volatile Meter meter;
    private GaugeSink gauges;

    /** Where the gauges of a series go: MicroProfile Metrics' application registry, or a test's map. */
    @FunctionalInterface
    interface GaugeSink {
        void gauge(String name, String description, Supplier<? extends Number> value, Tag... tags);
    }

    HistogramRecorder() {
    }

    HistogramRecorder(OpenTelemetry openTelemetry, GaugeSink gauges) {
        this.openTelemetry = openTelemetry;
        this.gauges = gauges;
    }

    @PostConstruct
    void registerGauges() {
        gauges = (name, description, value, tags) -> registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.get(), tags);
    }

    /**
     * @param values of the spec's attributes, in its order; null or empty where one does not apply
     */
    public void record(HistogramSpec spec, double value, String... values) {
        if (values.length != spec.attributes().size()) {
            throw new IllegalArgumentException(spec.name() + " takes " + spec.attributes() + ", not " + Arrays.toString(values));
        }
        instruments.computeIfAbsent(spec.name(), name -> instrument(spec)).record(value, attributes(spec, values));
        List<String> key = new ArrayList<>(values.length + 1);
        key.add(spec.name());
        Arrays.stream(values).map(v -> v == null ? "" : v).forEach(key::add);
        series.computeIfAbsent(List.copyOf(key), k -> register(spec, k.subList(1, k.size()))).record(value);
    }

    private DoubleHistogram instrument(HistogramSpec spec) {
        var builder = meter().histogramBuilder(spec.name()).setUnit(spec.unit()).setDescription(spec.description());
        try {
            if (!BucketAdvice.apply(builder, spec.boundaries())) {
                LOG.fine("OpenTelemetry took no bucket advice for " + spec.name() + " (telemetry off)");
            }
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "OpenTelemetry takes no bucket advice here, so " + spec.name() + " has the SDK's default buckets: " + e);
        }
        return builder.build();
    }

    /** The application's meter, looked up on first use: Payara resolves it for the application of the calling thread. */
    private Meter meter() {
        Meter current = meter;
        if (current == null) {
            try {
                current = openTelemetry.getMeter(SCOPE);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "No OpenTelemetry meter, so histograms are served on /metrics only: " + e);
                current = OpenTelemetry.noop().getMeter(SCOPE);
            }
            meter = current;
        }
        return current;
    }

    private static Attributes attributes(HistogramSpec spec, String... values) {
        AttributesBuilder attributes = Attributes.builder();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                attributes.put(spec.attributes().get(i), values[i]);
            }
        }
        return attributes.build();
    }

    private BucketCounts register(HistogramSpec spec, List<String> values) {
        BucketCounts counts = new BucketCounts(spec.boundaries());
        String name = PrometheusNames.metric(spec.name(), spec.unit());
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            tags.add(new Tag(PrometheusNames.label(spec.attributes().get(i)), values.get(i)));
        }
        for (int i = 0; i < spec.boundaries().size(); i++) {
            int boundary = i;
            gauge(name + "_bucket", spec, () -> counts.atMost(boundary), tags, PrometheusNames.le(spec.boundaries().get(i)));
        }
        gauge(name + "_bucket", spec, counts::count, tags, "+Inf");
        gauge(name + "_count", spec, counts::count, tags, null);
        gauge(name + "_sum", spec, counts::sum, tags, null);
        return counts;
    }

    private void gauge(String name, HistogramSpec spec, Supplier<? extends Number> value, List<Tag> tags, String le) {
        List<Tag> all = new ArrayList<>(tags);
        if (le != null) {
            all.add(new Tag("le", le));
        }
        gauges.gauge(name, spec.description(), value, all.toArray(Tag[]::new));
    }
}
