package dev.fluxbase.ai.platform.control;

import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at boot, before anything touches a table. When the database is not
 * reachable yet, the server still starts (and reports not ready) and the migration is retried until
 * it succeeds. Bean-managed transactions, because Flyway commits on its own connection.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Inject
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    @ConfigProperty(name = "fluxbase.db.migration.retry-seconds", defaultValue = "5")
    int retrySeconds;

    @Inject
    DatabaseRoles roles;

    private final AtomicReference<String> migratedVersion = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>("not attempted yet");

    @PostConstruct
    void migrateAtBoot() {
        if (!tryMigrate()) {
            timers.createIntervalTimer(retrySeconds * 1000L, retrySeconds * 1000L, new TimerConfig("schema-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (tryMigrate()) {
            timer.cancel();
        }
    }

    /** Why the schema is not migrated yet, for the readiness answer. */
    public String lastError() {
        return lastError.get();
    }

    /** The schema version once migrated in this process, empty before. */
    public Optional<String> migratedVersion() {
        return Optional.ofNullable(migratedVersion.get());
    }

    private synchronized boolean tryMigrate() {
        if (migratedVersion.get() != null) {
            return true;
        }
        try {
            MigrateResult result = flyway().migrate();
            String version = flyway().info().current().getVersion().getVersion();
            LOG.info(() -> "Schema " + Database.SCHEMA + " at version " + version + " (" + result.migrationsExecuted + " migration(s) applied)");
            migratedVersion.set(version);
            schemaReady.fire(new SchemaReady(version));
            return true;
        } catch (RuntimeException e) {
            lastError.set(rootMessage(e));
            LOG.log(Level.WARNING, "Database not ready, schema migration will be retried in {0} s: {1}",
                    new Object[] {retrySeconds, rootMessage(e)});
            return false;
        }
    }

    private Flyway flyway() {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(Database.SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .placeholders(Map.of("anon_role", roles.anon(), "authenticated_role", roles.authenticated(), "service_role", roles.service()))
                .load();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
