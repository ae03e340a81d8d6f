package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's reserved key words, which can never be names unless quoted. When JSqlParser hands one back as a
 * table, column or function name, it has read syntax it does not know as a name, and PostgreSQL will read the
 * text differently: {@code (TABLE pg_authid)} becomes a table called "TABLE" aliased pg_authid, and
 * {@code x = ALL (TABLE pg_authid)} a function ALL of a column pg_authid, while PostgreSQL reads pg_authid.
 */
final class ReservedWords {

    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
            "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
            "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
            "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or",
            "order", "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
            "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "when", "where", "window", "with");

    /** Reserved too, except as function or type names ({@code left(name, 3)} is a function call). */
    private static final Set<String> FUNCTION_OR_TYPE_ONLY = Set.of(
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike",
            "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
            "tablesample", "verbose");

    /** Key words PostgreSQL reads as values, which JSqlParser keeps as column names. */
    private static final Set<String> VALUE_WORDS = Set.of(
            "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "localtime", "localtimestamp", "session_user", "system_user", "user", "true", "false", "null",
            "default");

    /**
     * Reserved words JSqlParser models as functions for constructs PostgreSQL has: ARRAY(SELECT ...), = ANY(...),
     * CURRENT_TIMESTAMP(3).
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("array", "any", "some", "all", "current_time", "current_timestamp",
            "localtime", "localtimestamp");

    private ReservedWords() {
    }

    static void requireRelationName(String raw) {
        if (isReserved(raw) || FUNCTION_OR_TYPE_ONLY.contains(folded(raw))) {
            throw unexpected(raw);
        }
    }

    static void requireColumnName(String raw) {
        if (!VALUE_WORDS.contains(folded(raw))) {
            requireRelationName(raw);
        }
    }

    static void requireFunctionName(String raw) {
        if (isReserved(raw) && !FUNCTION_WORDS.contains(folded(raw))) {
            throw unexpected(raw);
        }
    }

    static void requireAlias(String raw) {
        if (isReserved(raw)) {
            throw unexpected(raw);
        }
    }

    private static boolean isReserved(String raw) {
        return RESERVED.contains(folded(raw));
    }

    /** Quoted names are never key words, and fold to nothing that could match one. */
    private static String folded(String raw) {
        return raw == null || raw.startsWith("\"") ? "" : raw.toLowerCase(Locale.ROOT);
    }

    private static Refusal unexpected(String raw) {
        return Refusal.unparseable("unexpected key word " + raw.toUpperCase(Locale.ROOT));
    }
}
