package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.observability.entity.HistogramSpec;
import dev.fluxbase.ai.observability.entity.Histograms;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard in docs/ queries only series this server exports, and every histogram it records. */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("docs/grafana-dashboard.json");
    /** Counters and gauges of MicroProfile Metrics, as Payara names them on /metrics. */
    private static final Set<String> COUNTERS_AND_GAUGES = Set.of("fluxbase_chat_turns_total", "fluxbase_chat_sockets", "fluxbase_chat_turns_active",
            "fluxbase_limits_refusals_total", "fluxbase_sql_queries_total");
    private static final List<HistogramSpec> HISTOGRAMS = List.of(Histograms.OPERATION_DURATION, Histograms.TOKEN_USAGE,
            Histograms.TIME_TO_FIRST_CHUNK, Histograms.TURN_DURATION, Histograms.SQL_QUERY_DURATION, Histograms.RETRIEVAL_DURATION);
    private static final Pattern SERIES = Pattern.compile("\\b((?:fluxbase|gen_ai)_[a-z_]+)\\b");

    private static List<String> expressions() throws IOException {
        try (Reader reader = Files.newBufferedReader(DASHBOARD)) {
            List<String> expressions = new ArrayList<>();
            for (JsonValue panel : Json.createReader(reader).readObject().getJsonArray("panels")) {
                JsonObject object = panel.asJsonObject();
                if (object.containsKey("targets")) {
                    object.getJsonArray("targets").forEach(t -> expressions.add(t.asJsonObject().getString("expr")));
                }
            }
            return expressions;
        }
    }

    private static Set<String> seriesIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = SERIES.matcher(expression.replaceAll("\\{\\{[^}]*}}", ""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static Set<String> exported() {
        Set<String> names = new TreeSet<>(COUNTERS_AND_GAUGES);
        for (HistogramSpec spec : HISTOGRAMS) {
            String base = PrometheusNames.metric(spec.name(), spec.unit());
            Stream.of("_bucket", "_sum", "_count").forEach(suffix -> names.add(base + suffix));
            spec.attributes().forEach(attribute -> names.add(PrometheusNames.label(attribute)));
        }
        return names;
    }

    @Test
    void everyQueryReadsSeriesThisServerExports() throws IOException {
        Set<String> used = seriesIn(expressions());

        assertThat(used).isNotEmpty();
        assertThat(exported()).containsAll(used);
    }

    @Test
    void everyHistogramHasAPanel() throws IOException {
        Set<String> used = seriesIn(expressions());

        for (HistogramSpec spec : HISTOGRAMS) {
            assertThat(used).as(spec.name()).contains(PrometheusNames.metric(spec.name(), spec.unit()) + "_bucket");
        }
    }
}
