package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database announces its DDL: two event triggers (on {@code ddl_command_end} and
 * {@code sql_drop}) that call the function of migration V9, which notifies the configuration channel.
 * Creating an event trigger needs a superuser, so at boot the server creates them when its login role
 * may, finds them when an administrator made them, and otherwise says once what to run and lets cached
 * table descriptions be checked periodically instead ({@code fluxbase.sql.schema-refresh-seconds}).
 */
@ApplicationScoped
public class SchemaEvents {

    private static final Logger LOG = Logger.getLogger(SchemaEvents.class.getName());
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String DUPLICATE_OBJECT = "42710";

    private record Trigger(String name, String event) {
        String create() {
            return "CREATE EVENT TRIGGER " + name + " ON " + event + " EXECUTE FUNCTION " + Database.SCHEMA + ".notify_schema_change()";
        }
    }

    private static final List<Trigger> TRIGGERS = List.of(new Trigger("fluxbase_schema_changed", "ddl_command_end"),
            new Trigger("fluxbase_schema_dropped", "sql_drop"));

    /** What an administrator runs (as a superuser, in the server's database) when the server may not. */
    static final String INSTALL = TRIGGERS.stream().map(t -> t.create() + ";").collect(Collectors.joining("\n"));

    private static final String INSTALLED = "SELECT count(DISTINCT t.evtevent) FROM pg_catalog.pg_event_trigger t JOIN pg_catalog.pg_proc p ON p.oid = t.evtfoid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = 'notify_schema_change' AND n.nspname = '"
            + Database.SCHEMA + "' AND t.evtenabled <> 'D'";

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.schema-events", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.schema-refresh-seconds", defaultValue = "60")
    int refreshSeconds;

    private volatile boolean announced;

    /** Whether every DDL in the database is announced, so that a cached description needs no check. */
    public boolean announced() {
        return announced;
    }

    void install(@Observes SchemaReady ready) {
        if (!enabled) {
            LOG.info(() -> "Schema events are off (fluxbase.sql.schema-events=false): cached table descriptions are checked against "
                    + "the catalog at most every " + refreshSeconds + " s");
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            announced = installed(connection) || create(connection);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not look for the schema event triggers: {0}", e.getMessage());
        }
        if (announced) {
            LOG.info("Schema changes are announced by event triggers: table descriptions are cached until the next DDL");
        }
    }

    private boolean create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Trigger trigger : TRIGGERS) {
                createOne(statement, trigger);
            }
            return installed(connection);
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            LOG.warning(() -> "The server's login role may not create event triggers (that needs a superuser), so DDL is not announced "
                    + "and cached table descriptions are checked against the catalog at most every " + refreshSeconds
                    + " s (fluxbase.sql.schema-refresh-seconds). To have every DDL reach the next turn at once, a superuser can run "
                    + "in this database, then restart the instances:\n" + INSTALL);
            return false;
        }
    }

    // Two instances booting at once may both create it.
    private static void createOne(Statement statement, Trigger trigger) throws SQLException {
        try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = '" + trigger.name() + "'")) {
            if (exists.next()) {
                return;
            }
        }
        try {
            statement.execute(trigger.create());
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean installed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INSTALLED)) {
            rows.next();
            return rows.getInt(1) == TRIGGERS.size();
        }
    }
}
