package dev.fluxbase.ai.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. Values come from MicroProfile Config, so the environment
 * ({@code FLUXBASE_DB_URL}, {@code _USER}, {@code _PASSWORD}) overrides the WAR's defaults.
 * Connections are validated on checkout so that the pool recovers by itself after a database outage,
 * and a caller waits at most five seconds for one instead of Payara's default minute.
 *
 * <p>Validation is a query with no table ({@code SELECT COUNT(*) FROM (VALUES (1)) AS alive}) rather than
 * Payara's PostgreSQL validation class, which it loads through the application's class loader on every
 * checkout, under that loader's lock; and connections are not matched against the caller's credentials
 * (there is only one), which read the credentials under another lock on every checkout. Both showed
 * under load (bench/RESULTS.md).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=fluxbase.db.url}",
        user = "${MPCONFIG=fluxbase.db.user}",
        password = "${MPCONFIG=fluxbase.db.password}",
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = 32,
        properties = {
                "stringtype=unspecified",
                "connectTimeout=5",
                "ApplicationName=fluxbase-ai",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=table",
                "fish.payara.validation-table-name=(VALUES (1)) AS alive",
                "fish.payara.match-connections=false",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=60"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/fluxbase";

    /** The schema that holds every table of ours. */
    public static final String SCHEMA = "ai";
}
