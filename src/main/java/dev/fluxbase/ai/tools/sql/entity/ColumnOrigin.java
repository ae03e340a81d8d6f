package dev.fluxbase.ai.tools.sql.entity;

import java.util.Locale;

/**
 * The table column a result column shows as it is, as PostgreSQL describes the statement ({@code email},
 * {@code u.email AS contact}, also through subqueries), or {@link #NONE} for a computed one ({@code lower(email)}, {@code count(*)}).
 */
public record ColumnOrigin(String schema, String table, String column) {

    public static final ColumnOrigin NONE = new ColumnOrigin("", "", "");

    public ColumnOrigin {
        schema = schema == null ? "" : schema.toLowerCase(Locale.ROOT);
        table = table == null ? "" : table.toLowerCase(Locale.ROOT);
        column = column == null ? "" : column.toLowerCase(Locale.ROOT);
    }

    public boolean known() {
        return !table.isEmpty() && !column.isEmpty();
    }
}
