package dev.fluxbase.ai.observability.control;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** A recorder whose OpenTelemetry side a test reads in memory, and whose gauges go nowhere. */
public final class HistogramRecorderFixture {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final HistogramRecorder recorder = new HistogramRecorder(
            OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build(),
            (name, description, value, tags) -> { });

    public HistogramRecorder recorder() {
        return recorder;
    }

    public MetricData metric(String name) {
        return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
