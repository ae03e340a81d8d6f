package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableForeignKey;
import dev.fluxbase.ai.knowledge.tables.entity.TableIndex;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's description from the catalog, read as the export role (see {@link ExportSession}): a table the role
 * has no SELECT privilege on (on the table or on one of its columns), or whose schema it may not use, is not
 * found, and only the columns it may read are listed. The server's own schema and PostgreSQL's are never found.
 */
final class TableCatalog {

    private static final Set<String> HIDDEN_SCHEMAS = Set.of(Database.SCHEMA, "pg_catalog", "information_schema");

    private static final String TABLE = """
            SELECT c.oid, c.relkind, c.relrowsecurity, CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
                   obj_description(c.oid, 'pg_class')
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND has_schema_privilege(n.oid, 'USAGE')
               AND (has_table_privilege(c.oid, 'SELECT') OR has_any_column_privilege(c.oid, 'SELECT'))
            """;

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, NULL), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   CASE WHEN a.atttypid IN ('pg_catalog.varchar'::regtype, 'pg_catalog.bpchar'::regtype) AND a.atttypmod > 4
                        THEN a.atttypmod - 4 END,
                   a.attnum, col_description(a.attrelid, a.attnum)
              FROM pg_catalog.pg_attribute a
              LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped
               AND has_column_privilege(a.attrelid, a.attnum, 'SELECT')
             ORDER BY a.attnum
            """;

    private static final String PRIMARY_KEY = """
            SELECT a.attname
              FROM pg_catalog.pg_constraint p
             CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, position)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
             WHERE p.conrelid = ?::oid AND p.contype = 'p'
             ORDER BY k.position
            """;

    private static final String FOREIGN_KEYS = """
            SELECT f.conname, a.attname, rn.nspname, rc.relname, ra.attname, f.confdeltype, f.confupdtype
              FROM pg_catalog.pg_constraint f
             CROSS JOIN LATERAL unnest(f.conkey, f.confkey) WITH ORDINALITY AS k(attnum, refnum, position)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum
              JOIN pg_catalog.pg_class rc ON rc.oid = f.confrelid
              JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
              JOIN pg_catalog.pg_attribute ra ON ra.attrelid = f.confrelid AND ra.attnum = k.refnum
             WHERE f.conrelid = ?::oid AND f.contype = 'f'
             ORDER BY f.conname, k.position
            """;

    private static final String INDEXES = """
            SELECT ic.relname, i.indisunique, i.indisprimary,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)
              FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
             WHERE i.indrelid = ?::oid
             ORDER BY ic.relname
            """;

    private TableCatalog() {
    }

    static Optional<TableDetails> read(Connection connection, TableName name) throws SQLException {
        if (HIDDEN_SCHEMAS.contains(name.schema()) || name.schema().startsWith("pg_")) {
            return Optional.empty();
        }
        Optional<Relation> relation = Jdbc.first(connection, TABLE, row -> new Relation(row.getLong(1), type(row.getString(2)),
                row.getBoolean(3), (Long) row.getObject(4), row.getString(5)), name.schema(), name.table());
        if (relation.isEmpty()) {
            return Optional.empty();
        }
        long oid = relation.get().oid();
        List<String> primaryKey = Jdbc.list(connection, PRIMARY_KEY, row -> row.getString(1), oid);
        List<TableForeignKey> foreignKeys = Jdbc.list(connection, FOREIGN_KEYS, TableCatalog::foreignKey, oid);
        List<TableIndex> indexes = Jdbc.list(connection, INDEXES, TableCatalog::index, oid);
        List<TableColumn> columns = Jdbc.list(connection, COLUMNS, row -> column(row, primaryKey, foreignKeys, indexes), oid);
        Relation r = relation.get();
        return Optional.of(new TableDetails(name, r.type(), columns, primaryKey, foreignKeys, indexes, r.rlsEnabled(), r.rowEstimate(),
                r.comment()));
    }

    private record Relation(long oid, String type, boolean rlsEnabled, Long rowEstimate, String comment) {
    }

    private static TableColumn column(ResultSet row, List<String> primaryKey, List<TableForeignKey> foreignKeys, List<TableIndex> indexes)
            throws SQLException {
        String name = row.getString(1);
        boolean unique = indexes.stream().anyMatch(index -> index.unique() && !index.primary() && index.columns().equals(List.of(name)));
        return new TableColumn(name, row.getString(2), row.getBoolean(3), row.getString(4), primaryKey.contains(name),
                foreignKeys.stream().anyMatch(key -> key.columnName().equals(name)), unique, (Integer) row.getObject(5), row.getInt(6),
                row.getString(7));
    }

    private static TableForeignKey foreignKey(ResultSet row) throws SQLException {
        return new TableForeignKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                action(row.getString(6)), action(row.getString(7)));
    }

    private static TableIndex index(ResultSet row) throws SQLException {
        String[] columns = (String[]) row.getArray(4).getArray();
        return new TableIndex(row.getString(1), Arrays.asList(columns), row.getBoolean(2), row.getBoolean(3));
    }

    private static String type(String relkind) {
        return switch (relkind) {
            case "v" -> "view";
            case "m" -> "materialized_view";
            case "f" -> "foreign_table";
            default -> "table";
        };
    }

    /** As information_schema writes the referential actions. */
    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }
}
