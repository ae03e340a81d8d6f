package dev.fluxbase.ai.tools.sqlguard.control;

import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The guard's rules for the functions the database says a call can reach, for the check that asks it
 * ({@code FunctionCatalog} in {@code tools.sql}, which runs on the query's own connection). Public because that
 * confirmation needs the database and so lives with the code that runs queries, while what may be called, and the
 * words of the refusal, stay here with the other rules.
 */
public final class ReachableFunctions {

    private final ResolvedPolicy policy;

    public ReachableFunctions(SqlPolicy policy) {
        this.policy = new ResolvedPolicy(policy);
    }

    /**
     * A function is allowed when it is a built-in of {@code pg_catalog} or of the pgvector extension, or when the
     * chatbot names it.
     *
     * @return why the function {@code schema.name} may not run, or empty when it may
     */
    public Optional<String> refusal(String schema, String name, boolean ofVectorExtension, boolean securityDefiner) {
        boolean builtin = (FunctionRules.CATALOG.equals(schema) || ofVectorExtension) && BuiltinFunctions.allows(name, policy.readOnly());
        if (builtin || policy.listsFunction(schema, name)) {
            return Optional.empty();
        }
        String described = SqlNames.display(List.of(schema, name))
                + (securityDefiner ? " (SECURITY DEFINER, not on the chatbot's allowed functions)" : "");
        return Optional.of(Refusal.function(described).reason());
    }
}
