package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.ClusterJobs;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.MaintenanceRequested;
import dev.fluxbase.ai.quotas.entity.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Removes counter rows whose window has ended. Limits never need it (a new window is a new row), but
 * the table would grow forever: the daily rollover closes the previous days at midnight UTC, the purge
 * removes ended minutes a few minutes later (and days a missed rollover left).
 */
@ApplicationScoped
public class CounterCleanup {

    static final int ROLLOVER_JOB = 1;
    static final int PURGE_JOB = 2;
    /** Ended minutes stay a little while, for whoever looks at the table during an incident. */
    private static final Duration MINUTES_KEPT = Duration.ofMinutes(5);
    private static final String DELETE = "DELETE FROM ai.usage_counters WHERE window_kind = ? AND window_start < ?";

    @Inject
    ClusterJobs jobs;

    /** @return the day rows closed; empty when another instance was doing it */
    public OptionalInt rollOverDays(Instant now, boolean wait) throws SQLException {
        return jobs.run(ROLLOVER_JOB, wait, connection -> delete(connection, Window.DAY, Window.DAY.start(now)));
    }

    /** Also removes days a missed rollover left behind (no instance was up at midnight). */
    public OptionalInt purgeMinutes(Instant now, boolean wait) throws SQLException {
        return jobs.run(PURGE_JOB, wait, connection -> delete(connection, Window.MINUTE, Window.MINUTE.start(now).minus(MINUTES_KEPT))
                + delete(connection, Window.DAY, Window.DAY.start(now).minus(Duration.ofDays(1))));
    }

    void runNow(@Observes MaintenanceRequested request) throws SQLException {
        request.report("daily-rollover", rollOverDays(request.now(), true).orElse(0));
        request.report("counter-purge", purgeMinutes(request.now(), true).orElse(0));
    }

    private static int delete(Connection connection, Window window, Instant before) throws SQLException {
        return Jdbc.update(connection, DELETE, window.kind(), before);
    }
}
