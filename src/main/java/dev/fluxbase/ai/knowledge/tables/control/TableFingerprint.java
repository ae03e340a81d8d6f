package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.control.DocumentStore;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;

/**
 * What a sync compares to tell whether a table's document can have changed: a hash of the table's description as
 * the export role sees it (without the row estimate, which moves by itself) and of the export's options and role,
 * then the newest value of its change column and its row count. Equal states make an equal document, except for
 * the rounded row estimate.
 */
final class TableFingerprint {

    private TableFingerprint() {
    }

    static String schema(TableDetails table, ExportOptions options, String role) {
        TableDetails withoutEstimate = new TableDetails(table.name(), table.type(), table.columns(), table.primaryKey(), table.foreignKeys(),
                table.indexes(), table.rlsEnabled(), null, table.comment());
        return DocumentStore.sha256(withoutEstimate + "\n" + options.withSampleRowCount(options.includeSampleRows() ? options.sampleRowCount() : 0)
                + "\n" + role);
    }

    /** The state a sync stores: the schema fingerprint, then what the change column and the row count said. */
    static String state(String schemaFingerprint, String newestAndCount) {
        return schemaFingerprint + "|" + newestAndCount;
    }
}
