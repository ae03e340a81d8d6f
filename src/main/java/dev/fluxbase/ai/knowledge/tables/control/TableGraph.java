package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.graph.control.GraphWriter;
import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableForeignKey;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An exported table in the knowledge base's graph: a {@code table} entity found in the table's document, and with
 * foreign keys an entity for each referenced table and a {@code foreign_key} relationship per constraint. The export
 * owns these relationships: a re-export removes those of constraints that are gone (or of all, without foreign
 * keys), and replaces the document's provenance rather than counting it again.
 */
final class TableGraph {

    static final String FOREIGN_KEY = "foreign_key";

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private TableGraph() {
    }

    record Written(UUID entityId, List<UUID> relationshipIds) {
    }

    static Written write(Connection connection, UUID knowledgeBaseId, UUID documentId, TableDetails table, ExportOptions options)
            throws SQLException {
        Jdbc.update(connection, "DELETE FROM ai.entity_mentions WHERE document_id = ? AND chunk_id IS NULL", documentId);
        UUID entity = entity(connection, knowledgeBaseId, documentId, table.name(), metadata(table, options));
        List<UUID> relationships = new ArrayList<>();
        if (options.includeForeignKeys()) {
            for (List<TableForeignKey> constraint : table.foreignKeyConstraints()) {
                TableForeignKey first = constraint.get(0);
                UUID target = entity(connection, knowledgeBaseId, documentId, first.referenced(), reference(first.referenced()));
                UUID relationship = GraphWriter.relationship(connection, knowledgeBaseId, entity, target, FOREIGN_KEY, 1.0,
                        relationshipMetadata(constraint));
                if (relationship != null && !relationships.contains(relationship)) {
                    relationships.add(relationship);
                }
            }
        }
        Jdbc.update(connection, "DELETE FROM ai.entity_relationships WHERE knowledge_base_id = ? AND source_entity_id = ? "
                + "AND relationship_type = ? AND NOT (id::text = ANY (?))", knowledgeBaseId, entity, FOREIGN_KEY,
                new Jdbc.TextArray(relationships.stream().map(UUID::toString).toList()));
        return new Written(entity, relationships);
    }

    private static UUID entity(Connection connection, UUID knowledgeBaseId, UUID documentId, TableName name, JsonObject metadata)
            throws SQLException {
        UUID id = GraphWriter.entity(connection, knowledgeBaseId, EntityType.TABLE, EntityName.of(name.qualified()), metadata.toString());
        GraphWriter.mention(connection, id, documentId, null);
        return id;
    }

    private static JsonObject metadata(TableDetails table, ExportOptions options) {
        return JSON.createObjectBuilder(reference(table.name())).add("source", "database_export").add("table_type", table.type())
                .add("rls_enabled", table.rlsEnabled()).add("primary_key", JSON.createArrayBuilder(table.primaryKey()))
                .add("columns", JSON.createArrayBuilder(table.exported(options.columns()).stream().map(TableColumn::name).toList()))
                .add("total_column_count", table.columns().size()).build();
    }

    private static JsonObject reference(TableName name) {
        return JSON.createObjectBuilder().add("schema", name.schema()).add("table", name.table()).build();
    }

    private static String relationshipMetadata(List<TableForeignKey> constraint) {
        TableForeignKey first = constraint.get(0);
        return JSON.createObjectBuilder().add("constraint", first.name())
                .add("columns", JSON.createArrayBuilder(constraint.stream().map(TableForeignKey::columnName).toList()))
                .add("referenced_columns", JSON.createArrayBuilder(constraint.stream().map(TableForeignKey::referencedColumn).toList()))
                .add("on_delete", first.onDelete()).add("on_update", first.onUpdate()).build().toString();
    }
}
