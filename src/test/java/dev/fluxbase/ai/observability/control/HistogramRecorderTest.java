package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.observability.entity.GenAi;
import dev.fluxbase.ai.observability.entity.Histograms;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/** One recording reaches OpenTelemetry with the spec's buckets and Prometheus-style gauges with cumulative counts. */
class HistogramRecorderTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetry sdk = OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();
    private final Map<String, Supplier<? extends Number>> gauges = new TreeMap<>();
    private final HistogramRecorder recorder = new HistogramRecorder(sdk,
            (name, description, value, tags) -> gauges.put(name + labels(tags), value));

    private static String labels(Tag... tags) {
        return Arrays.stream(tags).map(t -> t.getTagName() + "=\"" + t.getTagValue() + "\"").collect(Collectors.joining(",", "{", "}"));
    }

    private double gauge(String series) {
        assertThat(gauges).containsKey(series);
        return gauges.get(series).get().doubleValue();
    }

    @Test
    void openTelemetryGetsTheConventionsBucketsAndOnlyThePresentAttributes() {
        recorder.record(Histograms.OPERATION_DURATION, 0.3, GenAi.CHAT, "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "config", null);
        recorder.record(Histograms.OPERATION_DURATION, 2.0, GenAi.CHAT, "openai", "gpt-4o-mini", "", "config", "PROVIDER_ERROR");

        MetricData metric = reader.collectAllMetrics().stream().filter(m -> m.getName().equals("gen_ai.client.operation.duration")).findFirst()
                .orElseThrow();
        assertThat(metric.getUnit()).isEqualTo("s");
        assertThat(metric.getHistogramData().getPoints()).hasSize(2).allSatisfy(point -> {
            assertThat(point.getBoundaries()).containsExactlyElementsOf(GenAi.DURATION_BUCKETS);
            assertThat(point.getAttributes().asMap().toString()).contains("gen_ai.operation.name=chat", "gen_ai.provider.name=openai",
                    "gen_ai.request.model=gpt-4o-mini", "fluxbase.provider.name=config");
        });
        HistogramPointData failed = metric.getHistogramData().getPoints().stream().filter(p -> p.getSum() == 2.0).findFirst().orElseThrow();
        assertThat(failed.getAttributes().asMap().toString()).contains("error.type=PROVIDER_ERROR").doesNotContain("gen_ai.response.model");
    }

    @Test
    void prometheusGetsCumulativeBucketsACountAndASumPerSeries() {
        recorder.record(Histograms.SQL_QUERY_DURATION, 0.004, "executed");
        recorder.record(Histograms.SQL_QUERY_DURATION, 0.2, "executed");
        recorder.record(Histograms.SQL_QUERY_DURATION, 90, "executed");
        recorder.record(Histograms.SQL_QUERY_DURATION, 0.004, "failed");

        String executed = "fluxbase_sql_verdict=\"executed\"";
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"0.001\"}")).isZero();
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"0.005\"}")).isEqualTo(1);
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"0.25\"}")).isEqualTo(2);
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"60\"}")).isEqualTo(2);
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"+Inf\"}")).isEqualTo(3);
        assertThat(gauge("fluxbase_sql_query_duration_seconds_count{" + executed + "}")).isEqualTo(3);
        assertThat(gauge("fluxbase_sql_query_duration_seconds_sum{" + executed + "}")).isEqualTo(90.204, Offset.offset(1e-9));
        assertThat(gauge("fluxbase_sql_query_duration_seconds_count{fluxbase_sql_verdict=\"failed\"}")).isEqualTo(1);

        recorder.record(Histograms.SQL_QUERY_DURATION, 0.004, "executed");
        assertThat(gauge("fluxbase_sql_query_duration_seconds_bucket{" + executed + ",le=\"0.005\"}")).as("read live").isEqualTo(2);
    }

    @Test
    void anAbsentAttributeIsAnEmptyLabelSoThatEverySeriesOfAMetricHasTheSameLabels() {
        recorder.record(Histograms.TOKEN_USAGE, 120, GenAi.CHAT, "ollama", "llama3", null, "local", "input");

        assertThat(gauge("gen_ai_client_token_usage_count{gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"ollama\","
                + "gen_ai_request_model=\"llama3\",gen_ai_response_model=\"\",fluxbase_provider_name=\"local\",gen_ai_token_type=\"input\"}"))
                .isEqualTo(1);
    }

    @Test
    void valuesMustMatchTheSpecsAttributes() {
        assertThatThrownBy(() -> recorder.record(Histograms.SQL_QUERY_DURATION, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
