package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.platform.control.ServerClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for due table-export syncs every {@code fluxbase.ai.table-export.sync-tick-seconds} on every instance. The
 * timer is created in code (an annotation cannot read the setting) and, like the other jobs' timers, not persistent,
 * so none depends on one cluster member; {@link TableExportSyncs} makes sure one instance runs each sync.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class TableExportTimers {

    private static final Logger LOG = Logger.getLogger(TableExportTimers.class.getName());

    @Resource
    TimerService timers;

    @Inject
    TableExportSyncs syncs;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.table-export.sync-tick-seconds", defaultValue = "60")
    int tickSeconds;

    @PostConstruct
    void schedule() {
        long tick = Math.max(1, tickSeconds) * 1000L;
        timers.createIntervalTimer(tick, tick, new TimerConfig("table-export-sync", false));
    }

    @Timeout
    void runDueSyncs() {
        try {
            int ran = syncs.runDue(clock.now(), false);
            if (ran > 0) {
                LOG.info(() -> ran + " table export sync(s) ran");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Table export syncs failed, the next run retries: {0}", e.getMessage());
        }
    }
}
