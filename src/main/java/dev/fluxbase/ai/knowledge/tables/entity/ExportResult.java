package dev.fluxbase.ai.knowledge.tables.entity;

import java.util.List;
import java.util.UUID;

/**
 * The SDK's {@code ExportTableResult}: the table's document, its {@code table} entity and one relationship per
 * foreign key; {@code reindexed} tells whether the document got new content (and is being chunked and embedded).
 */
public record ExportResult(UUID documentId, UUID entityId, List<UUID> relationshipIds, boolean reindexed) {

    public ExportResult {
        relationshipIds = List.copyOf(relationshipIds);
    }
}
