package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.observability.control.HistogramRecorder;
import dev.fluxbase.ai.observability.entity.Histograms;
import dev.fluxbase.ai.platform.control.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code execute_sql} queries by verdict (executed, failed, refused) and the duration of those that ran;
 * table descriptions built and checked against the catalog.
 */
@ApplicationScoped
public class SqlMetrics {

    @Inject
    Meters meters;

    @Inject
    HistogramRecorder histograms;

    void refused() {
        count("refused");
    }

    void ran(boolean succeeded, long millis) {
        String verdict = succeeded ? "executed" : "failed";
        count(verdict);
        histograms.record(Histograms.SQL_QUERY_DURATION, millis / 1000.0, verdict);
    }

    void schemaDescribed() {
        meters.counter("fluxbase.sql.schema.descriptions", "Descriptions of a chatbot's tables built from the catalog (a cached one serves the other turns)").inc();
    }

    void schemaChecked() {
        meters.counter("fluxbase.sql.schema.checks", "Catalog fingerprints read to check a cached table description (none when DDL is announced)").inc();
    }

    private void count(String verdict) {
        meters.counter("fluxbase.sql.queries", "execute_sql queries by verdict: executed, failed (by the database), refused (by the guard)",
                "verdict", verdict).inc();
    }
}
