package dev.fluxbase.ai.tools.sqlguard.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a chatbot's SQL may do and touch.
 *
 * @param allowedOperations upper-case statement kinds: {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}
 * @param allowedTables {@code "*"} for every table of the allowed schemas, otherwise entries {@code t} or
 *        {@code schema.t}; unquoted names compare case-insensitively, {@code "Quoted"} ones exactly, as in PostgreSQL.
 *        An empty list allows no table.
 * @param allowedSchemas schemas that tables may live in, in search-path order; unqualified table names resolve
 *        against them. System schemas stay forbidden even when listed.
 * @param allowedFunctions functions beyond the built-in allow-list, {@code schema.name} or {@code name} (in any allowed
 *        schema), written like table entries
 */
public record SqlPolicy(Set<String> allowedOperations, List<String> allowedTables, List<String> allowedSchemas,
        List<String> allowedFunctions) {

    public static final String EVERY_TABLE = "*";
    private static final Set<String> SELECT_ONLY = Set.of("SELECT");

    public SqlPolicy {
        allowedOperations = allowedOperations == null ? Set.of() : allowedOperations.stream()
                .map(operation -> operation.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        allowedTables = allowedTables == null ? List.of() : List.copyOf(allowedTables);
        allowedSchemas = allowedSchemas == null ? List.of() : List.copyOf(allowedSchemas);
        allowedFunctions = allowedFunctions == null ? List.of() : List.copyOf(allowedFunctions);
    }

    /** A policy that names no functions of its own. */
    public SqlPolicy(Set<String> allowedOperations, List<String> allowedTables, List<String> allowedSchemas) {
        this(allowedOperations, allowedTables, allowedSchemas, List.of());
    }

    /** The policy of a chatbot that may only read. */
    public static SqlPolicy selectOnly(List<String> allowedTables, List<String> allowedSchemas) {
        return new SqlPolicy(SELECT_ONLY, allowedTables, allowedSchemas);
    }

    /** Read-only chatbots run in a READ ONLY transaction and may not lock rows. */
    public boolean readOnly() {
        return allowedOperations.equals(SELECT_ONLY);
    }

    public boolean allowsEveryTable() {
        return allowedTables.contains(EVERY_TABLE);
    }
}
