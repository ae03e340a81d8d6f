package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.Locale;

/**
 * Schemas no chatbot may read, whatever its configuration: the catalogs (which list roles, password hashes,
 * settings and other sessions' queries), the temporary and TOAST schemas, and this server's own schema
 * ({@code ai}: providers, conversations and usage of every user). PostgreSQL reserves the
 * {@code pg_} prefix for system schemas, and every catalog relation also starts with {@code pg_}; an unqualified
 * {@code pg_...} name resolves through {@code pg_catalog}, which PostgreSQL searches before the search path.
 */
final class SystemSchemas {

    private static final String INFORMATION_SCHEMA = "information_schema";
    private static final String SYSTEM_PREFIX = "pg_";
    private static final String OWN_SCHEMA = "ai";

    private SystemSchemas() {
    }

    static boolean isSystem(String schema) {
        String folded = schema.toLowerCase(Locale.ROOT);
        return folded.startsWith(SYSTEM_PREFIX) || folded.equals(INFORMATION_SCHEMA) || schema.equals(OWN_SCHEMA);
    }

    /** Whether an unqualified relation name would find a catalog table or view before any allowed schema. */
    static boolean isCatalogRelation(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(SYSTEM_PREFIX);
    }
}
