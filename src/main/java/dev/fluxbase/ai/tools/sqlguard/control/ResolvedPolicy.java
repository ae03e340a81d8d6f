package dev.fluxbase.ai.tools.sqlguard.control;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy with its names normalized like SQL identifiers, so {@code Public.Orders} in the configuration and
 * {@code public.orders} in a query compare equal while {@code "Orders"} stays distinct. System schemas are
 * dropped here: no configuration can open them.
 */
final class ResolvedPolicy {

    private final SqlPolicy policy;
    private final Set<String> schemas = new LinkedHashSet<>();
    private final List<TableRef> tables = new ArrayList<>();
    private final List<TableRef> functions = new ArrayList<>();

    ResolvedPolicy(SqlPolicy policy) {
        this.policy = policy;
        for (String schema : policy.allowedSchemas()) {
            String name = SqlNames.normalize(schema);
            if (!SystemSchemas.isSystem(name)) {
                schemas.add(name);
            }
        }
        for (String table : policy.allowedTables()) {
            if (!SqlPolicy.EVERY_TABLE.equals(table.strip())) {
                tables.add(new TableRef(SqlNames.parse(table)));
            }
        }
        policy.allowedFunctions().forEach(function -> functions.add(new TableRef(SqlNames.parse(function.strip()))));
    }

    boolean readOnly() {
        return policy.readOnly();
    }

    boolean allowsOperation(String operation) {
        return policy.allowedOperations().contains(operation);
    }

    boolean allowsSchema(String schema) {
        return schemas.contains(schema);
    }

    /** The schemas an unqualified name may resolve to, in search-path order. */
    Set<String> schemas() {
        return schemas;
    }

    /** Whether the chatbot names a function {@code name} that the search path (its allowed schemas) can reach. */
    boolean listsFunction(String name) {
        return functions.stream().anyMatch(f -> f.name().equals(name) && (!f.qualified() || schemas.contains(f.schema())));
    }

    /** Whether the chatbot names the function {@code schema.name}: qualified so, or unqualified in an allowed schema. */
    boolean listsFunction(String schema, String name) {
        return functions.stream().anyMatch(f -> f.name().equals(name)
                && (f.qualified() ? f.schema().equals(schema) : schemas.contains(schema)));
    }

    boolean allowsTable(String schema, String name) {
        if (policy.allowsEveryTable()) {
            return true;
        }
        for (TableRef entry : tables) {
            if (entry.name().equals(name) && (!entry.qualified() || entry.schema().equals(schema))) {
                return true;
            }
        }
        return false;
    }
}
