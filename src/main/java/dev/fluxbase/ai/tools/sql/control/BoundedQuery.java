package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.sqlguard.control.PostgresText;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A query rewritten so that PostgreSQL sends every value that can be large only when it is small, and otherwise
 * just its first bytes and its size: the server never receives a 250 MB value to cut it itself.
 *
 * <p>The statement becomes a CTE whose column list renames its columns {@code c1 ... cn} (so duplicate or odd
 * names cannot clash). Its rows go through an {@code OFFSET 0} sub-query, which keeps the planner from copying a
 * column's expression into every place that reads it (three reads would compute {@code repeat(...)} three
 * times), and a lateral {@code OFFSET 0} sub-query casts the other large columns to text once. Every large
 * column {@code ci} then arrives as three columns: the typed value when its text is at most the cell cap (so it
 * still becomes a JSON number, object or array), else a prefix of the text, and the size of the text.
 */
final class BoundedQuery {

    /** How one column of the statement arrives in the rewritten result. */
    enum Transfer {
        /** the value itself: a small fixed-size type, or a statement that could not be rewritten */
        WHOLE,
        /** the value when small, else a text prefix, then the size in bytes */
        TEXT,
        /** bytea: the value when small, else its first bytes, then the size in bytes */
        BYTES
    }

    /** Where to read column {@code name}: result positions, 1-based ({@code prefix} and {@code length} 0 for WHOLE). */
    record Column(String name, String type, Transfer transfer, int value, int prefix, int length) {
    }

    /** Types whose text is a few dozen bytes at most; everything else (numeric too: up to 130 KB) can be large. */
    private static final Set<String> SMALL_TYPES = Set.of("bool", "int2", "int4", "int8", "float4", "float8", "date", "time",
            "timetz", "timestamp", "timestamptz", "interval", "uuid", "oid", "money", "char", "name", "serial", "bigserial",
            "smallserial");

    /** PostgreSQL reads the length of these without converting, or detoasting, the value. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar");

    /** PostgreSQL's limit on the columns of a select list. */
    private static final int MAX_SELECT_COLUMNS = 1664;
    private static final String TOO_MANY_COLUMNS = "54011";

    private static final int SMALL_VALUE_BYTES = 64;
    private static final int MAX_FETCH_SIZE = 500;

    private final String sql;
    private final List<Column> columns;
    private final int cellBytes;

    private BoundedQuery(String sql, List<Column> columns, int cellBytes) {
        this.sql = sql;
        this.columns = List.copyOf(columns);
        this.cellBytes = cellBytes;
    }

    /**
     * @param statement the statement as {@link PostgresText#statement} returns it (comments and terminator blanked)
     * @param labels the column labels the statement's description gave
     * @param types their type names
     */
    static BoundedQuery wrap(String statement, List<String> labels, List<String> types, int cellBytes) throws SQLException {
        List<String> names = distinctNames(labels);
        Rewrite rewrite = new Rewrite(cellBytes);
        for (int i = 0; i < names.size(); i++) {
            rewrite.add(i + 1, names.get(i), types.get(i));
        }
        if (!rewrite.boundsAValue()) {
            return unwrapped(statement, labels, types, cellBytes);
        }
        if (rewrite.width() > MAX_SELECT_COLUMNS) {
            // unbounded values in hundreds of columns are what the rewrite exists to prevent: refuse rather than read them
            throw new SQLException("the query returns too many columns that can hold large values (" + names.size()
                    + "); select fewer columns", TOO_MANY_COLUMNS);
        }
        return new BoundedQuery(rewrite.sql(statement, names.size()), rewrite.columns, cellBytes);
    }

    /** The statement as it is, its values cut after they arrived: for statements PostgreSQL cannot nest in a CTE. */
    static BoundedQuery unwrapped(String statement, List<String> labels, List<String> types, int cellBytes) {
        List<String> names = distinctNames(labels);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Column(names.get(i), types.get(i), Transfer.WHOLE, i + 1, 0, 0));
        }
        return new BoundedQuery(statement, columns, cellBytes);
    }

    /** The select list of the rewritten query, built column by column. */
    private static final class Rewrite {

        private final int cellBytes;
        private final List<Column> columns = new ArrayList<>();
        private final StringJoiner select = new StringJoiner(", ");
        private final StringJoiner casts = new StringJoiner(", ");
        private int next = 1;

        Rewrite(int cellBytes) {
            this.cellBytes = cellBytes;
        }

        void add(int index, String name, String type) {
            String c = "fluxbase_r.c" + index;
            if (SMALL_TYPES.contains(type)) {
                select.add(c);
                columns.add(new Column(name, type, Transfer.WHOLE, next++, 0, 0));
                return;
            }
            if ("bytea".equals(type)) {
                int raw = rawBytes(cellBytes);
                threeWay(c, "octet_length(" + c + ")", "substring(" + c + " from 1 for " + raw + ")", raw);
                columns.add(new Column(name, type, Transfer.BYTES, next, next + 1, next + 2));
            } else {
                String text = c;
                if (!TEXT_TYPES.contains(type)) {
                    text = "fluxbase_t.t" + index;
                    casts.add(c + "::text AS t" + index);
                }
                threeWay(c, "octet_length(" + text + ")", "left(" + text + ", " + cellBytes + ")", cellBytes);
                columns.add(new Column(name, type, Transfer.TEXT, next, next + 1, next + 2));
            }
            next += 3;
        }

        private void threeWay(String value, String length, String prefix, int cap) {
            select.add("CASE WHEN " + length + " <= " + cap + " THEN " + value + " END");
            select.add("CASE WHEN " + length + " > " + cap + " THEN " + prefix + " END");
            select.add(length);
        }

        boolean boundsAValue() {
            return next > columns.size() + 1;
        }

        int width() {
            return next - 1;
        }

        String sql(String statement, int count) {
            StringJoiner aliases = new StringJoiner(", ", "WITH fluxbase_q(", ") AS (\n");
            for (int i = 1; i <= count; i++) {
                aliases.add("c" + i);
            }
            StringBuilder sql = new StringBuilder(statement.length() + select.length() + casts.length() + 200)
                    .append(aliases).append(statement).append("\n)\nSELECT ").append(select)
                    .append("\nFROM (SELECT * FROM fluxbase_q OFFSET 0) fluxbase_r");
            if (casts.length() > 0) {
                sql.append(" CROSS JOIN LATERAL (SELECT ").append(casts).append(" OFFSET 0) fluxbase_t");
            }
            return sql.toString();
        }
    }

    /** Raw bytes of a bytea cell: the client gets them as base64, a third longer. */
    static int rawBytes(int cellBytes) {
        return cellBytes / 4 * 3;
    }

    /** Repeated labels (two joined "id" columns) get a numeric suffix instead of overwriting each other. */
    static List<String> distinctNames(List<String> labels) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            String name = label;
            for (int n = 2; !seen.add(name); n++) {
                name = label + "_" + n;
            }
            names.add(name);
        }
        return names;
    }

    String sql() {
        return sql;
    }

    List<Column> columns() {
        return columns;
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    boolean wrapped() {
        return columns.stream().anyMatch(column -> column.transfer() != Transfer.WHOLE);
    }

    int cellBytes() {
        return cellBytes;
    }

    /**
     * Rows per round trip such that one batch of the largest rows this query can send stays within
     * {@code budgetBytes}: a text prefix of the cell cap in characters can be four times as many bytes.
     * Values of a statement that was not rewritten have no bound; they are counted as such prefixes.
     */
    int fetchSize(long budgetBytes, int maxRows) {
        long row = 0;
        for (Column column : columns) {
            row += switch (column.transfer()) {
                case WHOLE -> SMALL_TYPES.contains(column.type()) ? SMALL_VALUE_BYTES : 4L * cellBytes;
                case TEXT -> 4L * cellBytes + SMALL_VALUE_BYTES;
                case BYTES -> rawBytes(cellBytes) + SMALL_VALUE_BYTES;
            };
        }
        long rows = budgetBytes / Math.max(1, row);
        return (int) Math.max(1, Math.min(rows, Math.min(maxRows + 1L, MAX_FETCH_SIZE)));
    }
}
