package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeConflict;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.LastSync;
import dev.fluxbase.ai.knowledge.tables.entity.SyncConfig;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Sync configurations in {@code ai.table_export_sync_configs}: one per knowledge base and table. */
@ApplicationScoped
public class SyncConfigStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT id, knowledge_base_id, schema_name, table_name, columns, include_foreign_keys, "
            + "include_indexes, include_sample_rows, sample_row_count, sync_interval_minutes, export_role, change_column, document_id, "
            + "last_sync_at, last_sync_status, last_sync_error, last_sync_state, created_at, updated_at FROM ai.table_export_sync_configs";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> UNIQUE_VIOLATION.equals(e.getSQLState())
            ? new KnowledgeConflict("Already exists: " + e.getMessage(), e) : new KnowledgeException("Database error: " + e.getMessage(), e));

    public List<SyncConfig> all(UUID knowledgeBaseId) {
        return jdbc.list(SELECT + " WHERE knowledge_base_id = ? ORDER BY created_at DESC, id", SyncConfigStore::config, knowledgeBaseId);
    }

    public Optional<SyncConfig> find(UUID knowledgeBaseId, UUID id) {
        return jdbc.first(SELECT + " WHERE knowledge_base_id = ? AND id = ?", SyncConfigStore::config, knowledgeBaseId, id);
    }

    public Optional<SyncConfig> byId(UUID id) {
        return jdbc.first(SELECT + " WHERE id = ?", SyncConfigStore::config, id);
    }

    /** @throws KnowledgeConflict when the knowledge base already has a configuration for the table */
    public SyncConfig create(UUID knowledgeBaseId, ExportOptions options, Integer intervalMinutes, Optional<String> changeColumn) {
        UUID id = UUID.randomUUID();
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "INSERT INTO ai.table_export_sync_configs (id, knowledge_base_id, "
                + "schema_name, table_name, columns, include_foreign_keys, include_indexes, include_sample_rows, sample_row_count, "
                + "sync_interval_minutes, export_role, change_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, knowledgeBaseId,
                options.table().schema(), options.table().table(), columns(options), options.includeForeignKeys(), options.includeIndexes(),
                options.includeSampleRows(), options.sampleRowCount(), intervalMinutes, options.role().orElse(null), changeColumn.orElse(null)));
        return find(knowledgeBaseId, id).orElseThrow();
    }

    /** Saves what an administrator may change; the table stays. */
    public SyncConfig update(SyncConfig config) {
        ExportOptions options = config.options();
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.table_export_sync_configs SET columns = ?, "
                + "include_foreign_keys = ?, include_indexes = ?, include_sample_rows = ?, sample_row_count = ?, sync_interval_minutes = ?, "
                + "export_role = ?, change_column = ?, updated_at = now() WHERE id = ?", columns(options), options.includeForeignKeys(),
                options.includeIndexes(), options.includeSampleRows(), options.sampleRowCount(), config.intervalMinutes(),
                options.role().orElse(null), config.changeColumn().orElse(null), config.id()));
        return find(config.knowledgeBaseId(), config.id()).orElseThrow();
    }

    public boolean delete(UUID knowledgeBaseId, UUID id) {
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection,
                "DELETE FROM ai.table_export_sync_configs WHERE knowledge_base_id = ? AND id = ?", knowledgeBaseId, id)) > 0;
    }

    /** A sync that worked: its outcome, what it saw of the table and the document it keeps up to date. */
    public void recordSync(UUID id, LastSync sync) {
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.table_export_sync_configs SET last_sync_at = ?, "
                + "last_sync_status = ?, last_sync_error = NULL, last_sync_state = ?, document_id = ? WHERE id = ?", sync.at(), sync.status(),
                sync.state(), sync.documentId(), id));
    }

    /** A failed sync keeps the state and the document of the last one that worked. */
    public void recordFailure(UUID id, Instant at, String error) {
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.table_export_sync_configs SET last_sync_at = ?, "
                + "last_sync_status = ?, last_sync_error = ? WHERE id = ?", at, LastSync.FAILED, error, id));
    }

    /**
     * Takes the configurations whose interval has passed by {@code now}, moving their last sync to now so that no
     * other run (on this instance or another) takes them too; the caller holds the job's lock.
     */
    public static List<UUID> claimDue(Connection connection, Instant now) throws SQLException {
        return Jdbc.list(connection, "UPDATE ai.table_export_sync_configs SET last_sync_at = ? WHERE sync_interval_minutes IS NOT NULL "
                + "AND (last_sync_at IS NULL OR last_sync_at + make_interval(mins => sync_interval_minutes) <= ?) RETURNING id",
                row -> row.getObject(1, UUID.class), now, now);
    }

    private static Jdbc.TextArray columns(ExportOptions options) {
        return options.columns().isEmpty() ? null : new Jdbc.TextArray(options.columns());
    }

    private static SyncConfig config(ResultSet row) throws SQLException {
        ExportOptions options = new ExportOptions(new TableName(row.getString("schema_name"), row.getString("table_name")),
                Jdbc.strings(row, "columns"), row.getBoolean("include_sample_rows"), row.getInt("sample_row_count"),
                row.getBoolean("include_foreign_keys"), row.getBoolean("include_indexes"), Optional.ofNullable(row.getString("export_role")));
        LastSync last = new LastSync(instant(row, "last_sync_at"), row.getString("last_sync_status"), row.getString("last_sync_error"),
                row.getString("last_sync_state"), row.getObject("document_id", UUID.class));
        return new SyncConfig(row.getObject("id", UUID.class), row.getObject("knowledge_base_id", UUID.class), options,
                (Integer) row.getObject("sync_interval_minutes"), Optional.ofNullable(row.getString("change_column")), last,
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return Jdbc.instant(row, row.findColumn(column));
    }
}
