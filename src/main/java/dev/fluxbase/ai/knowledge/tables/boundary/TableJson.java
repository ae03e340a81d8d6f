package dev.fluxbase.ai.knowledge.tables.boundary;

import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.ExportResult;
import dev.fluxbase.ai.knowledge.tables.entity.LastSync;
import dev.fluxbase.ai.knowledge.tables.entity.SyncConfig;
import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableForeignKey;
import dev.fluxbase.ai.knowledge.tables.entity.TableIndex;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SDK's TableDetails, ExportTableResult and TableExportSyncConfig shapes, with our extensions: a table's
 * {@code row_estimate} and {@code comment}; an export's {@code reindexed}; a sync's interval, sample rows, role,
 * change column and document. Optional SDK fields are left out when they have no value.
 */
final class TableJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private TableJson() {
    }

    static JsonObject details(TableDetails table) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("schema", table.name().schema()).add("name", table.name().table())
                .add("type", table.type()).add("columns", array(table.columns(), TableJson::column))
                .add("primary_key", JSON.createArrayBuilder(table.primaryKey())).add("foreign_keys", array(table.foreignKeys(), TableJson::foreignKey))
                .add("indexes", array(table.indexes(), TableJson::index)).add("rls_enabled", table.rlsEnabled());
        json.add("row_estimate", table.rowEstimate() == null ? JsonValue.NULL : JSON.createValue(table.rowEstimate()));
        optional(json, "comment", table.comment());
        return json.build();
    }

    static JsonObject result(ExportResult result) {
        return JSON.createObjectBuilder().add("document_id", result.documentId().toString()).add("entity_id", result.entityId().toString())
                .add("relationship_ids", JSON.createArrayBuilder(result.relationshipIds().stream().map(UUID::toString).toList()))
                .add("reindexed", result.reindexed()).build();
    }

    static JsonObject config(SyncConfig config) {
        ExportOptions options = config.options();
        LastSync last = config.lastSync();
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", config.id().toString())
                .add("knowledge_base_id", config.knowledgeBaseId().toString()).add("schema_name", options.table().schema())
                .add("table_name", options.table().table());
        if (!options.columns().isEmpty()) {
            json.add("columns", JSON.createArrayBuilder(options.columns()));
        }
        json.add("include_foreign_keys", options.includeForeignKeys()).add("include_indexes", options.includeIndexes())
                .add("include_sample_rows", options.includeSampleRows()).add("sample_row_count", options.sampleRowCount())
                .add("sync_interval_minutes", config.intervalMinutes() == null ? JsonValue.NULL : JSON.createValue(config.intervalMinutes()))
                .add("role", options.role().<JsonValue>map(JSON::createValue).orElse(JsonValue.NULL))
                .add("change_column", config.changeColumn().<JsonValue>map(JSON::createValue).orElse(JsonValue.NULL));
        optional(json, "document_id", last.documentId() == null ? null : last.documentId().toString());
        optional(json, "last_sync_at", time(last.at()));
        optional(json, "last_sync_status", last.status());
        optional(json, "last_sync_error", last.error());
        return json.add("created_at", time(config.createdAt())).add("updated_at", time(config.updatedAt())).build();
    }

    private static JsonObject column(TableColumn column) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("name", column.name()).add("data_type", column.dataType())
                .add("is_nullable", column.nullable());
        optional(json, "default_value", column.defaultValue());
        json.add("is_primary_key", column.primaryKey()).add("is_foreign_key", column.foreignKey()).add("is_unique", column.unique());
        if (column.maxLength() != null) {
            json.add("max_length", column.maxLength());
        }
        json.add("position", column.position());
        optional(json, "description", column.description());
        return json.build();
    }

    private static JsonObject foreignKey(TableForeignKey key) {
        return JSON.createObjectBuilder().add("name", key.name()).add("column_name", key.columnName())
                .add("referenced_schema", key.referencedSchema()).add("referenced_table", key.referencedTable())
                .add("referenced_column", key.referencedColumn()).add("on_delete", key.onDelete()).add("on_update", key.onUpdate()).build();
    }

    private static JsonObject index(TableIndex index) {
        return JSON.createObjectBuilder().add("name", index.name()).add("columns", JSON.createArrayBuilder(index.columns()))
                .add("is_unique", index.unique()).add("is_primary", index.primary()).build();
    }

    static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObject> mapper) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(mapper.apply(item)));
        return array;
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(key, value);
        }
    }

    private static String time(Instant time) {
        return time == null ? null : time.toString();
    }
}
