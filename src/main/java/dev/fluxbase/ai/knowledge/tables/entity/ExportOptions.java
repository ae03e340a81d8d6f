package dev.fluxbase.ai.knowledge.tables.entity;

import java.util.List;
import java.util.Optional;

/**
 * What an export writes: the table, the chosen columns (empty: all), sample rows of them, foreign keys (each also a
 * relationship in the graph) and indexes; and the database role that reads the table (empty: the configured one).
 */
public record ExportOptions(TableName table, List<String> columns, boolean includeSampleRows, int sampleRowCount,
        boolean includeForeignKeys, boolean includeIndexes, Optional<String> role) {

    /** Fluxbase's default number of sample rows. */
    public static final int DEFAULT_SAMPLE_ROWS = 5;

    public ExportOptions {
        columns = List.copyOf(columns);
    }

    public ExportOptions withSampleRowCount(int count) {
        return new ExportOptions(table, columns, includeSampleRows, count, includeForeignKeys, includeIndexes, role);
    }
}
