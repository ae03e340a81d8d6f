package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.control.DocumentStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.ExportResult;
import dev.fluxbase.ai.knowledge.tables.entity.SampleRows;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports a table into a knowledge base: reads it as the export role ({@link ExportSession}), renders it
 * ({@link TableDocument}) and hands the document to {@link ExportWriter}. A sync first compares the table's state
 * with the last sync's and stops there when nothing changed.
 */
@ApplicationScoped
public class TableExporter {

    @Inject
    ExportSession session;

    @Inject
    ExportRoles roles;

    @Inject
    ExportWriter writer;

    @Inject
    DocumentStore documents;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.table-export.max-sample-rows", defaultValue = "100")
    int maxSampleRows;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.table-export.change-columns",
            defaultValue = "updated_at,modified_at,last_modified,last_modified_at,changed_at,last_updated,updated_on,modified_on")
    List<String> changeColumns;

    /** @throws RequestRejected {@code TABLE_NOT_FOUND} when the role cannot see the table */
    public TableDetails details(TableName name, Optional<String> role) {
        return session.readAs(roles.chosen(role), connection -> TableCatalog.read(connection, name)).orElseThrow(() -> notFound(name));
    }

    /**
     * Checks what a sync configuration names against the table as its role sees it: the table, the columns and
     * the change column.
     */
    public void check(ExportOptions options, Optional<String> changeColumn) {
        TableDetails table = details(options.table(), options.role());
        checkColumns(table, options.columns());
        ChangeColumn.of(table, changeColumn, changeColumns);
    }

    public int maxSampleRows() {
        return maxSampleRows;
    }

    /** Exports the table as it is now; the document is embedded again only when its content changed. */
    public ExportResult export(KnowledgeBase kb, ExportOptions options) {
        String role = roles.chosen(options.role());
        Reading reading = session.readAs(role, connection -> read(connection, options, role, Previous.NONE));
        return writer.write(kb, options, reading.table(), reading.content());
    }

    /** What a sync exported, and what it saw of the table for the next one to compare with. */
    public record SyncRun(ExportResult result, String state) {
    }

    /**
     * Exports the table unless its state (description, newest change-column value, row count) is the one the last
     * sync saw and that sync's document is still there: then nothing is read beyond that, rendered or embedded.
     */
    public SyncRun sync(KnowledgeBase kb, ExportOptions options, Optional<String> changeColumn, String lastState) {
        String role = roles.chosen(options.role());
        boolean documentKept = documents.bySource(kb.id(), options.table().documentSource())
                .filter(document -> !KnowledgeDocument.FAILED.equals(document.status())).isPresent();
        Previous previous = new Previous(true, changeColumn, documentKept ? lastState : null);
        Reading reading = session.readAs(role, connection -> read(connection, options, role, previous));
        return new SyncRun(writer.write(kb, options, reading.table(), reading.content()), reading.state());
    }

    /** What a sync knew before it read the table; a plain export knows nothing. */
    private record Previous(boolean compare, Optional<String> changeColumn, String state) {
        static final Previous NONE = new Previous(false, Optional.empty(), null);
    }

    /** The table as read; {@code content} is null when its state says the document would be the same. */
    private record Reading(TableDetails table, String state, String content) {
    }

    private Reading read(Connection connection, ExportOptions options, String role, Previous previous) throws SQLException {
        TableDetails table = TableCatalog.read(connection, options.table()).orElseThrow(() -> notFound(options.table()));
        checkColumns(table, options.columns());
        String state = null;
        if (previous.compare()) {
            Optional<String> column = ChangeColumn.of(table, previous.changeColumn(), changeColumns);
            if (column.isPresent()) {
                state = TableFingerprint.state(TableFingerprint.schema(table, options, role), ChangeColumn.newestAndCount(connection, table, column.get()));
            }
        }
        if (state != null && state.equals(previous.state())) {
            return new Reading(table, state, null);
        }
        SampleRows samples = options.includeSampleRows()
                ? SampleRowReader.read(connection, table, table.exported(options.columns()), Math.min(options.sampleRowCount(), maxSampleRows))
                : SampleRows.NONE;
        return new Reading(table, state, TableDocument.render(table, options, samples));
    }

    private static void checkColumns(TableDetails table, List<String> columns) {
        for (String column : columns) {
            if (table.column(column).isEmpty()) {
                throw new RequestRejected(400, ErrorCodes.COLUMN_NOT_FOUND, "Column " + column + " not found in " + table.name().qualified()
                        + " (or the export role may not read it)");
            }
        }
    }

    private static RequestRejected notFound(TableName name) {
        return RequestRejected.notFound(ErrorCodes.TABLE_NOT_FOUND, "Table " + name.qualified()
                + " not found, or the export role may not read it");
    }
}
