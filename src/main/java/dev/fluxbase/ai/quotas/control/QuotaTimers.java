package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.platform.control.ServerClock;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Schedules the counter jobs on every instance (non-persistent timers: persistent ones would run on
 * one cluster member only, and stop when it dies); {@link CounterCleanup} makes sure one instance
 * does each run.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class QuotaTimers {

    private static final Logger LOG = Logger.getLogger(QuotaTimers.class.getName());

    @Inject
    CounterCleanup cleanup;

    @Inject
    ServerClock clock;

    @Schedule(hour = "0", minute = "0", second = "1", timezone = "UTC", persistent = false, info = "daily-rollover")
    void rollOverAtMidnight() {
        try {
            cleanup.rollOverDays(clock.now(), false)
                    .ifPresent(rows -> LOG.info(() -> "Daily limits rolled over at midnight UTC: " + rows + " counter row(s) of earlier days removed"));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Daily rollover failed, the next run retries: {0}", e.getMessage());
        }
    }

    @Schedule(hour = "*", minute = "*/5", second = "17", persistent = false, info = "counter-purge")
    void purgeEndedMinutes() {
        try {
            cleanup.purgeMinutes(clock.now(), false);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Counter purge failed, the next run retries: {0}", e.getMessage());
        }
    }
}
