package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.SampleRows;
import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableForeignKey;
import dev.fluxbase.ai.knowledge.tables.entity.TableIndex;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A table as a Markdown document that retrieval can find by what the table holds: its comment, its columns with
 * types, keys and comments, and, as asked, foreign keys, indexes and sample rows. The row estimate is rounded to two
 * significant digits, so that the planner's statistics moving a little do not make a new document to embed.
 */
final class TableDocument {

    private TableDocument() {
    }

    static String render(TableDetails table, ExportOptions options, SampleRows samples) {
        StringBuilder out = new StringBuilder();
        out.append("# Table: ").append(table.name().qualified()).append("\n\n");
        describe(out, table);
        columns(out, table, options.columns());
        if (options.includeForeignKeys() && !table.foreignKeys().isEmpty()) {
            foreignKeys(out, table.foreignKeyConstraints());
        }
        if (options.includeIndexes() && !table.indexes().isEmpty()) {
            indexes(out, table.indexes());
        }
        if (options.includeSampleRows()) {
            samples(out, samples);
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static void describe(StringBuilder out, TableDetails table) {
        out.append("Database ").append(table.type().replace('_', ' ')).append(" `").append(table.name().table())
                .append("` in schema `").append(table.name().schema()).append("`.");
        if (hasText(table.comment())) {
            out.append(' ').append(oneLine(table.comment()));
        }
        out.append("\n\n");
        if (!table.primaryKey().isEmpty()) {
            out.append("Primary key: ").append(codes(table.primaryKey())).append(".\n");
        }
        out.append("Estimated rows: ").append(roughly(table.rowEstimate())).append(".\n");
        if (table.rlsEnabled()) {
            out.append("Row-level security is enabled: each role sees only the rows its policies allow.\n");
        }
        out.append('\n');
    }

    private static void columns(StringBuilder out, TableDetails table, List<String> chosen) {
        List<TableColumn> columns = table.exported(chosen);
        out.append("## Columns\n\n");
        if (!chosen.isEmpty()) {
            out.append("Exporting ").append(columns.size()).append(" of ").append(table.columns().size()).append(" columns.\n\n");
        }
        out.append("| Column | Type | Nullable | Default | Keys | Description |\n|---|---|---|---|---|---|\n");
        for (TableColumn column : columns) {
            row(out, List.of(column.name(), type(column), column.nullable() ? "NULL" : "NOT NULL", text(column.defaultValue()), keys(column),
                    text(column.description())));
        }
        out.append('\n');
    }

    private static void foreignKeys(StringBuilder out, List<List<TableForeignKey>> constraints) {
        out.append("## Foreign keys\n\n");
        constraints.forEach(columns -> {
            TableForeignKey first = columns.get(0);
            out.append("- ").append(codes(columns.stream().map(TableForeignKey::columnName).toList())).append(" references `")
                    .append(first.referenced().qualified()).append("` (").append(codes(columns.stream().map(TableForeignKey::referencedColumn).toList()))
                    .append("), ON DELETE ").append(first.onDelete()).append(", ON UPDATE ").append(first.onUpdate())
                    .append(" (constraint `").append(first.name()).append("`)\n");
        });
        out.append('\n');
    }

    private static void indexes(StringBuilder out, List<TableIndex> indexes) {
        out.append("## Indexes\n\n");
        for (TableIndex index : indexes) {
            out.append("- `").append(index.name()).append("` on (").append(codes(index.columns())).append(')')
                    .append(index.primary() ? ", primary key" : index.unique() ? ", unique" : "").append('\n');
        }
        out.append('\n');
    }

    private static void samples(StringBuilder out, SampleRows samples) {
        out.append("## Sample rows\n\n");
        if (samples.rows().isEmpty()) {
            out.append("No rows are visible to the export role.\n");
            return;
        }
        row(out, samples.columns());
        out.append(samples.columns().stream().map(column -> "---").collect(Collectors.joining("|", "|", "|\n")));
        for (List<String> values : samples.rows()) {
            row(out, values.stream().map(TableDocument::sample).toList());
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(TableDocument::cell).collect(Collectors.joining(" | ", "| ", " |\n")));
    }

    private static String sample(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.length() > SampleRows.MAX_VALUE_LENGTH ? value.substring(0, SampleRows.MAX_VALUE_LENGTH) + "…" : value;
    }

    /** A table cell stays one cell: pipes escaped, line breaks as spaces. */
    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String type(TableColumn column) {
        return column.maxLength() == null ? column.dataType() : column.dataType() + "(" + column.maxLength() + ")";
    }

    private static String keys(TableColumn column) {
        List<String> keys = new ArrayList<>();
        if (column.primaryKey()) {
            keys.add("primary key");
        }
        if (column.foreignKey()) {
            keys.add("foreign key");
        }
        if (column.unique()) {
            keys.add("unique");
        }
        return String.join(", ", keys);
    }

    static String roughly(Long estimate) {
        if (estimate == null) {
            return "unknown (not analysed yet)";
        }
        BigDecimal rounded = new BigDecimal(estimate).round(new MathContext(2, RoundingMode.HALF_UP));
        return (estimate < 100 ? "" : "about ") + String.format(Locale.ROOT, "%,d", rounded.longValueExact());
    }

    private static String codes(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
