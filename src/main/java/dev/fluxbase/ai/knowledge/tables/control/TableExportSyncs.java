package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.tables.entity.ExportResult;
import dev.fluxbase.ai.knowledge.tables.entity.LastSync;
import dev.fluxbase.ai.knowledge.tables.entity.SyncConfig;
import dev.fluxbase.ai.platform.control.ClusterJobs;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ConnectionFailure;
import dev.fluxbase.ai.platform.entity.MaintenanceRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs syncs: on demand ({@code trigger}) and, for configurations with an interval, when it has passed. Scheduled
 * runs are claimed under the job's advisory lock ({@link ClusterJobs}), so one instance runs each; the exports
 * themselves run after the claim is committed, holding no transaction open while documents are embedded.
 */
@ApplicationScoped
public class TableExportSyncs {

    static final int SYNC_JOB = 4;

    private static final Logger LOG = Logger.getLogger(TableExportSyncs.class.getName());

    @Inject
    SyncConfigStore configs;

    @Inject
    TableExporter exporter;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    ClusterJobs jobs;

    @Inject
    ServerClock clock;

    /** Exports the table now if it changed, records the outcome, and rethrows a failure after recording it. */
    public ExportResult trigger(SyncConfig config) {
        try {
            KnowledgeBase kb = knowledgeBases.find(config.knowledgeBaseId()).orElseThrow(() -> new IllegalStateException("knowledge base deleted"));
            TableExporter.SyncRun run = exporter.sync(kb, config.options(), config.changeColumn(), config.lastSync().state());
            ExportResult result = run.result();
            configs.recordSync(config.id(), new LastSync(clock.now(), result.reindexed() ? LastSync.SUCCESS : LastSync.UNCHANGED, null,
                    run.state(), result.documentId()));
            return result;
        } catch (RuntimeException e) {
            recordFailure(config, e);
            throw e;
        }
    }

    /** @return how many syncs were due (each ran, failed ones included); 0 when another instance runs them */
    public int runDue(Instant now, boolean wait) throws SQLException {
        List<UUID> due = new ArrayList<>();
        jobs.run(SYNC_JOB, wait, connection -> {
            due.addAll(SyncConfigStore.claimDue(connection, now));
            return due.size();
        });
        for (UUID id : due) {
            configs.byId(id).ifPresent(this::runQuietly);
        }
        return due.size();
    }

    void runNow(@Observes MaintenanceRequested request) throws SQLException {
        request.report("table-export-sync", runDue(request.now(), true));
    }

    private void runQuietly(SyncConfig config) {
        try {
            trigger(config);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Table export sync {0} of {1} failed: {2}",
                    new Object[] {config.id(), config.options().table().qualified(), e.getMessage()});
        }
    }

    private void recordFailure(SyncConfig config, RuntimeException e) {
        if (ConnectionFailure.in(e)) {
            return; // nothing can be recorded; the next run tries again
        }
        boolean explained = e instanceof CodedException || e instanceof KnowledgeException;
        if (!explained) {
            LOG.log(Level.WARNING, "Table export sync " + config.id() + " failed", e);
        }
        String reason = explained ? e.getMessage() : "Internal error, see the server log";
        try {
            configs.recordFailure(config.id(), clock.now(), reason);
        } catch (RuntimeException recording) {
            e.addSuppressed(recording);
        }
    }
}
