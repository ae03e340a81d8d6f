package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The column whose newest value says that rows changed ({@code updated_at} and the like): the one a sync names, or
 * the first of the usual names that the table has as a date or timestamp. With the row count (which catches
 * deletions) it lets a sync skip an unchanged table without reading its rows.
 */
final class ChangeColumn {

    private ChangeColumn() {
    }

    static Optional<String> of(TableDetails table, Optional<String> named, List<String> usualNames) {
        if (named.isPresent()) {
            return Optional.of(table.column(named.get()).orElseThrow(() -> new RequestRejected(400, ErrorCodes.COLUMN_NOT_FOUND,
                    "Change column " + named.get() + " not found in " + table.name().qualified())).name());
        }
        return usualNames.stream().map(table::column).flatMap(Optional::stream).filter(ChangeColumn::isTime).map(TableColumn::name).findFirst();
    }

    /** The newest value of the column and the row count, as the export role sees them: "newest|count". */
    static String newestAndCount(Connection connection, TableDetails table, String column) throws SQLException {
        return Jdbc.first(connection, "SELECT max(" + TableName.quote(column) + ")::text, count(*) FROM " + table.name().sql(),
                row -> (row.getString(1) == null ? "" : row.getString(1)) + "|" + row.getLong(2)).orElseThrow();
    }

    private static boolean isTime(TableColumn column) {
        return column.dataType().startsWith("timestamp") || column.dataType().equals("date");
    }
}
