package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.ConfigChanges;
import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.tools.sql.entity.SchemaDescriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A compact description of the tables a chatbot may query (columns, types, keys, comments), read from
 * the catalog. Descriptions are cached per database: when the database announces its DDL
 * ({@link SchemaEvents}) a cached description is served without any catalog query until the next DDL
 * (on any instance). Otherwise, and while the announcements cannot be heard, a cheap catalog fingerprint
 * tells whether the schema changed: at most once per {@code fluxbase.sql.schema-refresh-seconds} without
 * event triggers, on every turn while the listening connection is down (as the configuration caches do).
 */
@ApplicationScoped
public class SchemaDescriber {

    private static final Logger LOG = Logger.getLogger(SchemaDescriber.class.getName());
    private static final int MAX_TABLES = 150;

    // Any DDL rewrites rows of these catalogs, which moves their newest xmin.
    private static final String FINGERPRINT = "SELECT (SELECT max(xmin::text::bigint) FROM pg_catalog.pg_class) || ':' "
            + "|| (SELECT max(xmin::text::bigint) FROM pg_catalog.pg_attribute) || ':' "
            + "|| (SELECT coalesce(max(xmin::text::bigint), 0) FROM pg_catalog.pg_constraint) || ':' "
            + "|| (SELECT coalesce(max(xmin::text::bigint), 0) FROM pg_catalog.pg_description) || ':' "
            + "|| (SELECT count(*) FROM pg_catalog.pg_class)";

    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
                   a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, col_description(c.oid, a.attnum),
                   EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)),
                   (SELECT fn.nspname || '.' || fc.relname || '.' || fa.attname
                      FROM pg_constraint f
                      JOIN pg_class fc ON fc.oid = f.confrelid
                      JOIN pg_namespace fn ON fn.oid = fc.relnamespace
                      JOIN pg_attribute fa ON fa.attrelid = f.confrelid AND fa.attnum = f.confkey[array_position(f.conkey, a.attnum)]
                     WHERE f.conrelid = c.oid AND f.contype = 'f' AND a.attnum = ANY (f.conkey) LIMIT 1)
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT c.relispartition AND n.nspname = ANY (?)
             ORDER BY n.nspname, c.relname, a.attnum
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ConfigChanges changes;

    @Inject
    SchemaEvents events;

    @Inject
    SqlMetrics metrics;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.schema-refresh-seconds", defaultValue = "60")
    int refreshSeconds;

    private final SchemaDescriptions<String> descriptions = new SchemaDescriptions<>(System::nanoTime);

    public String describe(List<String> schemas, List<String> tables) {
        boolean announced = events.announced();
        long generation = announced ? changes.schemaGeneration() : ConfigChanges.UNKNOWN;
        Duration checkEvery = announced ? Duration.ZERO : Duration.ofSeconds(Math.max(0, refreshSeconds));
        try (Catalog catalog = new Catalog(schemas, tables)) {
            return descriptions.get(schemas + "|" + tables, generation, checkEvery, catalog);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the database schema: {0}", e.getMessage());
            return "## Database tables\n(The table list is unavailable right now.)";
        }
    }

    /** The catalog on a connection taken only when a description must be checked or built. */
    private final class Catalog implements SchemaDescriptions.Catalog, AutoCloseable {
        private final List<String> schemas;
        private final List<String> tables;
        private Connection connection;

        Catalog(List<String> schemas, List<String> tables) {
            this.schemas = schemas;
            this.tables = tables;
        }

        @Override
        public String fingerprint() throws SQLException {
            metrics.schemaChecked();
            return SchemaDescriber.fingerprint(connection());
        }

        @Override
        public String build() throws SQLException {
            metrics.schemaDescribed();
            return SchemaDescriber.build(connection(), schemas, tables);
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            return connection;
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static String fingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(FINGERPRINT)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String build(Connection connection, List<String> schemas, List<String> tables) throws SQLException {
        TableFilter filter = new TableFilter(schemas, tables);
        StringBuilder out = new StringBuilder("## Database tables you may query\n");
        int described = 0;
        String current = null;
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String table = rows.getString(2);
                    if (schema.equals(Database.SCHEMA) && !schemas.contains(Database.SCHEMA) || !filter.allows(schema, table)) {
                        continue;
                    }
                    String qualified = schema + "." + table;
                    if (!qualified.equals(current)) {
                        if (++described > MAX_TABLES) {
                            out.append("\n(More tables exist; query them by name.)\n");
                            break;
                        }
                        current = qualified;
                        out.append("\n### ").append(qualified).append(kind(rows.getString(3)));
                        appendComment(out, rows.getString(4));
                        out.append('\n');
                    }
                    out.append("- ").append(rows.getString(5)).append(' ').append(rows.getString(6));
                    out.append(rows.getBoolean(7) ? " not null" : "");
                    out.append(rows.getBoolean(9) ? ", primary key" : "");
                    String foreignKey = rows.getString(10);
                    out.append(foreignKey == null ? "" : ", references " + foreignKey);
                    appendComment(out, rows.getString(8));
                    out.append('\n');
                }
            }
        }
        return described == 0 ? "## Database tables you may query\nNo tables are available." : out.toString();
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "v" -> " (view)";
            case "m" -> " (materialized view)";
            case "f" -> " (foreign table)";
            default -> "";
        };
    }

    private static void appendComment(StringBuilder out, String comment) {
        if (comment != null && !comment.isBlank()) {
            out.append(" -- ").append(comment.replace('\n', ' ').strip());
        }
    }

    /** The chatbot's allowed tables: {@code *} for all, else bare names or {@code schema.table}. */
    private record TableFilter(List<String> schemas, List<String> tables) {
        boolean allows(String schema, String table) {
            if (tables.contains("*")) {
                return true;
            }
            for (String allowed : tables) {
                String name = allowed.toLowerCase(Locale.ROOT);
                if (name.equals(table.toLowerCase(Locale.ROOT)) || name.equals((schema + "." + table).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }
}
