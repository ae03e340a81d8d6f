package dev.fluxbase.ai.tools.sql.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds what a statement does against what the chatbot may do. The order decides which reason the LLM hears
 * when several rules are broken: what the statement is, then how it locks, then what it calls and touches.
 */
final class PolicyCheck {

    private PolicyCheck() {
    }

    /** Returns the qualified tables the statement may touch, or throws the first rule it breaks. */
    static List<String> enforce(StatementFacts facts, ResolvedPolicy policy) {
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
        facts.functions().forEach(function -> FunctionRules.check(function, policy));
        Set<String> tables = new LinkedHashSet<>();
        facts.tables().forEach(table -> tables.addAll(TableRules.check(table, policy)));
        return List.copyOf(tables);
    }
}
