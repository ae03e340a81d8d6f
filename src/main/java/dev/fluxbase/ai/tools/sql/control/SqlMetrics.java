package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** {@code execute_sql} queries by verdict (executed, failed, refused) and the duration of those that ran. */
@ApplicationScoped
public class SqlMetrics {

    @Inject
    Meters meters;

    void refused() {
        count("refused");
    }

    void ran(boolean succeeded, long millis) {
        String verdict = succeeded ? "executed" : "failed";
        count(verdict);
        meters.time("fluxbase.sql.query", "Duration of the execute_sql queries that ran, by verdict (executed, failed)",
                Duration.ofMillis(millis), "verdict", verdict);
    }

    private void count(String verdict) {
        meters.counter("fluxbase.sql.queries", "execute_sql queries by verdict: executed, failed (by the database), refused (by the guard)",
                "verdict", verdict).inc();
    }
}
