package dev.fluxbase.ai.tools.sqlguard.control;

import dev.fluxbase.ai.tools.sqlguard.entity.FunctionRef;
import java.util.List;

/**
 * Functions by allow-list: a call passes when its name is a built-in on {@link BuiltinFunctions} (unqualified, or
 * qualified with {@code pg_catalog}, or with an allowed schema for pgvector's functions), or when the chatbot names
 * it in {@code @fluxbase:allowed-functions}. Everything else is refused, whoever owns it and whatever it does.
 * Passing here is necessary, not sufficient: {@code FunctionCatalog} ({@link ReachableFunctions}) then asks the
 * database which functions the name can reach on the search path.
 */
final class FunctionRules {

    static final String CATALOG = "pg_catalog";

    private FunctionRules() {
    }

    /** Returns the call as the database must confirm it, or throws the refusal. */
    static FunctionRef check(List<String> parts, ResolvedPolicy policy) {
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw Refusal.function(SqlNames.display(parts));
        }
        String name = parts.get(parts.size() - 1);
        if (parts.size() == 1) {
            if (!BuiltinFunctions.allows(name, policy.readOnly()) && !policy.listsFunction(name)) {
                throw Refusal.function(SqlNames.display(name));
            }
            return new FunctionRef(null, name);
        }
        String schema = parts.get(0);
        boolean builtin = BuiltinFunctions.allows(name, policy.readOnly()) && (CATALOG.equals(schema) || policy.allowsSchema(schema));
        if (!builtin && !policy.listsFunction(schema, name)) {
            throw Refusal.function(SqlNames.display(parts));
        }
        return new FunctionRef(schema, name);
    }
}
