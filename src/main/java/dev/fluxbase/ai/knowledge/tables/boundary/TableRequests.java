package dev.fluxbase.ai.knowledge.tables.boundary;

import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.SyncConfig;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.entity.JsonFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Export and sync requests: the SDK's {@code ExportTableOptions}, {@code CreateTableExportSyncConfig} and
 * {@code UpdateTableExportSyncConfig}, with our extensions ({@code role}; for syncs also {@code include_sample_rows},
 * {@code sample_row_count}, {@code sync_interval_minutes} and {@code change_column}). Omitted flags are false, as in
 * Fluxbase; an empty {@code columns} means every column.
 */
final class TableRequests {

    private TableRequests() {
    }

    static ExportOptions export(JsonFields body, int maxSampleRows) {
        return options(new TableName(body.requiredText("schema"), body.requiredText("table")), body, maxSampleRows);
    }

    static ExportOptions createSync(JsonFields body, int maxSampleRows) {
        return options(new TableName(body.requiredText("schema_name"), body.requiredText("table_name")), body, maxSampleRows);
    }

    static Integer interval(JsonFields body) {
        return body.integer("sync_interval_minutes", 1, Integer.MAX_VALUE).orElse(null);
    }

    static Optional<String> changeColumn(JsonFields body) {
        return body.nonBlankText("change_column");
    }

    /** The fields the body names change; {@code null} clears the interval, the role and the change column. */
    static SyncConfig updateSync(SyncConfig config, JsonFields body, int maxSampleRows) {
        ExportOptions old = config.options();
        ExportOptions options = new ExportOptions(old.table(), body.has("columns") ? columns(body) : old.columns(),
                body.bool("include_sample_rows").orElse(old.includeSampleRows()),
                sampleRows(body, maxSampleRows).orElse(old.sampleRowCount()),
                body.bool("include_foreign_keys").orElse(old.includeForeignKeys()), body.bool("include_indexes").orElse(old.includeIndexes()),
                body.has("role") ? role(body) : old.role());
        return config.with(options, body.has("sync_interval_minutes") ? interval(body) : config.intervalMinutes(),
                body.has("change_column") ? changeColumn(body) : config.changeColumn());
    }

    private static ExportOptions options(TableName table, JsonFields body, int maxSampleRows) {
        return new ExportOptions(table, columns(body), body.bool("include_sample_rows").orElse(false),
                sampleRows(body, maxSampleRows).orElse(ExportOptions.DEFAULT_SAMPLE_ROWS), body.bool("include_foreign_keys").orElse(false),
                body.bool("include_indexes").orElse(false), role(body));
    }

    private static List<String> columns(JsonFields body) {
        return List.copyOf(new LinkedHashSet<>(body.strings("columns").orElse(List.of())));
    }

    /** 0 asks for the default, as in Fluxbase. */
    private static Optional<Integer> sampleRows(JsonFields body, int maxSampleRows) {
        return body.integer("sample_row_count", 0, maxSampleRows).filter(count -> count > 0);
    }

    private static Optional<String> role(JsonFields body) {
        return body.nonBlankText("role");
    }
}
