package dev.fluxbase.ai.tools.sqlguard.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a relation may be touched and names the tables it may resolve to. A qualified name must be in
 * an allowed schema; an unqualified one must be allowed in every allowed schema, since the search path picks
 * whichever schema holds it first and the guard cannot know which that is.
 */
final class TableRules {

    private TableRules() {
    }

    /** Returns the qualified names the reference may resolve to, or throws the refusal. */
    static List<String> check(TableRef table, ResolvedPolicy policy) {
        if (table.parts().size() > 2 || table.parts().stream().anyMatch(String::isEmpty)) {
            throw Refusal.table(table.display()); // another database, or an empty name part
        }
        return table.qualified() ? checkQualified(table, policy) : checkUnqualified(table, policy);
    }

    private static List<String> checkQualified(TableRef table, ResolvedPolicy policy) {
        String schema = table.schema();
        if (SystemSchemas.isSystem(schema) || !policy.allowsSchema(schema)) {
            throw Refusal.schema(SqlNames.display(schema));
        }
        if (!policy.allowsTable(schema, table.name())) {
            throw Refusal.table(table.display());
        }
        return List.of(table.display());
    }

    private static List<String> checkUnqualified(TableRef table, ResolvedPolicy policy) {
        String name = table.name();
        if (SystemSchemas.isCatalogRelation(name) || policy.schemas().isEmpty()) {
            throw Refusal.table(table.display());
        }
        List<String> resolved = new ArrayList<>();
        for (String schema : policy.schemas()) {
            if (!policy.allowsTable(schema, name)) {
                throw Refusal.table(table.display());
            }
            resolved.add(SqlNames.display(List.of(schema, name)));
        }
        return resolved;
    }
}
