package dev.fluxbase.ai.knowledge.tables.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The SDK's {@code TableExportSyncConfig}: an export kept up to date, again every {@code intervalMinutes} (null: on
 * demand only). {@code changeColumn} names the column whose newest value tells that rows changed (empty: one of the
 * usual names, found by itself).
 */
public record SyncConfig(UUID id, UUID knowledgeBaseId, ExportOptions options, Integer intervalMinutes,
        Optional<String> changeColumn, LastSync lastSync, Instant createdAt, Instant updatedAt) {

    public SyncConfig with(ExportOptions newOptions, Integer newInterval, Optional<String> newChangeColumn) {
        return new SyncConfig(id, knowledgeBaseId, newOptions, newInterval, newChangeColumn, lastSync, createdAt, updatedAt);
    }
}
