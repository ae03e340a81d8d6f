package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.tables.entity.SampleRows;
import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first rows of a table, read as the export role, so its grants and row-level security decide which rows there
 * are, in a stable order, so that an unchanged table gives the same document (and is not embedded again). Every
 * value arrives as PostgreSQL's text of it, cut one character after {@link SampleRows#MAX_VALUE_LENGTH} (so that a
 * longer one is known to be longer), which bounds what a row of large values costs the server.
 */
final class SampleRowReader {

    private SampleRowReader() {
    }

    static SampleRows read(Connection connection, TableDetails table, List<TableColumn> columns, int count) throws SQLException {
        List<String> names = columns.stream().map(TableColumn::name).toList();
        String select = "SELECT " + names.stream().map(SampleRowReader::cut).collect(Collectors.joining(", ")) + " FROM " + table.name().sql()
                + order(table) + " LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setMaxRows(count);
            statement.setInt(1, count);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= names.size(); i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return new SampleRows(names, rows);
        }
    }

    private static String cut(String column) {
        return "left(cast(" + TableName.quote(column) + " AS text), " + (SampleRows.MAX_VALUE_LENGTH + 1) + ")";
    }

    /**
     * By the primary key when the role may read all of it. Other tables are read in their stored order, which an
     * unchanged table keeps (ordering by arbitrary columns fails for types without an order, such as json).
     */
    private static String order(TableDetails table) {
        boolean keyReadable = !table.primaryKey().isEmpty() && table.primaryKey().stream().allMatch(key -> table.column(key).isPresent());
        return keyReadable ? " ORDER BY " + table.primaryKey().stream().map(TableName::quote).collect(Collectors.joining(", ")) : "";
    }
}
