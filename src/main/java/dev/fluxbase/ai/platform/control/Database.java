package dev.fluxbase.ai.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's connection pool. Values come from MicroProfile Config, so the environment
 * ({@code FLUXBASE_DB_URL}, {@code _USER}, {@code _PASSWORD}) overrides the WAR's defaults. The pool's
 * size is {@code fluxbase.db.pool.max}: an annotation's int cannot name a config key, so WEB-INF/web.xml
 * declares this data source again with only its {@code max-pool-size}, which Payara expands there, and
 * merges the rest from here. A caller waits at most five seconds for a connection instead of Payara's
 * default minute.
 *
 * <p>Connections are checked on every checkout without a round trip ({@code meta-data}: the driver
 * answers from its own state, and it marks a connection closed once an I/O error broke it). A query per
 * checkout cost about 3.4 statements per chat turn. When a check finds a broken connection, the pool
 * closes all of its connections ({@code fail-all-connections}), so it recovers by itself after a database
 * outage: the first statement on a connection that the outage broke fails, and the next checkout replaces
 * every connection. A chat turn's admission, its first statement, is therefore tried once more on such a
 * failure (ChatTurn); another caller reports DATABASE_UNAVAILABLE once.
 *
 * <p>Every statement has a client-side deadline of 60 s, a net under PostgreSQL's own timeouts; an
 * {@code execute_sql} query follows its configured limit instead ({@link StatementDeadline}).
 *
 * <p>Connections are not matched against the caller's credentials (there is only one), which read the
 * credentials under a lock on every checkout and showed under load (bench/RESULTS.md).
 *
 * <p>A server may define the pool instead ({@code asadmin create-jdbc-resource}, as payara/server/setup-domain.sh does):
 * {@code fluxbase.db.jndi-name} names it (a global name, which resolves on any thread), and every component gets it from
 * {@link #dataSource()} and the persistence unit from {@link ServerDataSource}. This pool then stays defined but opens no connection (its initial size is 0).
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
        properties = {
                "stringtype=unspecified",
                "connectTimeout=5",
                "ApplicationName=fluxbase-ai",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.match-connections=false",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=60"
        })
public class Database {

    /** The WAR's own pool, the data source unless {@code fluxbase.db.jndi-name} names another. */
    public static final String JNDI_NAME = "java:app/jdbc/fluxbase";

    /** The schema that holds every table of ours. */
    public static final String SCHEMA = "ai";

    // Injected, not looked up: a java:app name resolves only on the application's threads, and the first to need
    // this bean may be the server's (a health check).
    @Resource(lookup = JNDI_NAME)
    DataSource own;

    @Inject
    @ConfigProperty(name = "fluxbase.db.jndi-name", defaultValue = "java:app/jdbc/fluxbase")
    String jndiName;

    private DataSource dataSource;

    @PostConstruct
    void choose() {
        dataSource = JNDI_NAME.equals(jndiName) ? own : DataSourceName.lookUp(jndiName);
    }

    /** The data source every component's SQL runs on. */
    @Produces
    public DataSource dataSource() {
        return dataSource;
    }
}
