package dev.fluxbase.ai.tools.sqlguard.control;

import dev.fluxbase.ai.tools.sqlguard.entity.FunctionRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds what a statement does against what the chatbot may do. The order decides which reason the LLM hears
 * when several rules are broken: what the statement is, then how it locks, then the types it casts to, then what
 * it calls and touches.
 */
final class PolicyCheck {

    /** What a statement that keeps every rule touches, and the calls the database must still confirm. */
    record Permitted(List<String> tables, List<FunctionRef> functions) {
    }

    private PolicyCheck() {
    }

    /** Returns what the statement may touch and call, or throws the first rule it breaks. */
    static Permitted enforce(StatementFacts facts, ResolvedPolicy policy) {
        if (facts.hasSelectInto()) {
            throw Refusal.operation("SELECT INTO"); // creates a table
        }
        for (String operation : facts.operations()) {
            if (!policy.allowsOperation(operation)) {
                throw Refusal.operation(operation);
            }
        }
        if (facts.hasLocking() && policy.readOnly()) {
            throw Refusal.locking();
        }
        facts.castTypes().forEach(CastTypes::check);
        Set<FunctionRef> functions = new LinkedHashSet<>();
        facts.functions().forEach(function -> functions.add(FunctionRules.check(function, policy)));
        Set<String> tables = new LinkedHashSet<>();
        facts.tables().forEach(table -> tables.addAll(TableRules.check(table, policy)));
        return new Permitted(List.copyOf(tables), List.copyOf(functions));
    }
}
