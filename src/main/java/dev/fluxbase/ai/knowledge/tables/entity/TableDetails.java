package dev.fluxbase.ai.knowledge.tables.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's {@code TableDetails}, as the export role sees the table: only the columns it may read. {@code type} is
 * {@code table}, {@code view}, {@code materialized_view} or {@code foreign_table}; {@code rowEstimate} is the
 * planner's estimate, null before the table was first analysed; {@code comment} is the table's comment.
 */
public record TableDetails(TableName name, String type, List<TableColumn> columns, List<String> primaryKey,
        List<TableForeignKey> foreignKeys, List<TableIndex> indexes, boolean rlsEnabled, Long rowEstimate, String comment) {

    public TableDetails {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    public Optional<TableColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    /** The columns an export shows: all of them, or the chosen ones in the table's order. */
    public List<TableColumn> exported(List<String> chosen) {
        return chosen.isEmpty() ? columns : columns.stream().filter(column -> chosen.contains(column.name())).toList();
    }

    /** The foreign keys by constraint, each with its columns in order. */
    public List<List<TableForeignKey>> foreignKeyConstraints() {
        Map<String, List<TableForeignKey>> byName = new LinkedHashMap<>();
        foreignKeys.forEach(key -> byName.computeIfAbsent(key.name(), name -> new ArrayList<>()).add(key));
        return List.copyOf(byName.values());
    }
}
