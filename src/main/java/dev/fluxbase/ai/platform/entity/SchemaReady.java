package dev.fluxbase.ai.platform.entity;

/** Fired once the database schema is migrated; components that need tables wait for it. */
public record SchemaReady(String schemaVersion) {
}
