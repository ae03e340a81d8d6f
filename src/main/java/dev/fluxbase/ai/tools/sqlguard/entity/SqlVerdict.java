package dev.fluxbase.ai.tools.sqlguard.entity;

import java.util.List;

/**
 * The guard's decision on one SQL statement.
 *
 * @param allowed whether the statement may run
 * @param reason why it may not, in words for the LLM and the client ({@code Table not allowed: secret}); null when allowed
 * @param operation {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}; for refused statements the kind
 *        that was recognised ({@code COPY}, {@code DROP}, ...) or {@code UNKNOWN}
 * @param tables the tables the statement reads or writes, qualified as {@code schema.table} (an unqualified name is
 *        listed once for every allowed schema it may resolve to); empty when refused
 * @param functions the functions the statement calls, which the database must still confirm are the ones the policy
 *        allows (a same-named function elsewhere on the search path could be the one PostgreSQL picks); empty when refused
 */
public record SqlVerdict(boolean allowed, String reason, String operation, List<String> tables, List<FunctionRef> functions) {

    public static final String UNKNOWN_OPERATION = "UNKNOWN";

    public SqlVerdict {
        operation = operation == null ? UNKNOWN_OPERATION : operation;
        tables = tables == null ? List.of() : List.copyOf(tables);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public static SqlVerdict allow(String operation, List<String> tables, List<FunctionRef> functions) {
        return new SqlVerdict(true, null, operation, tables, functions);
    }

    public static SqlVerdict refuse(String reason, String operation, List<String> tables) {
        return new SqlVerdict(false, reason, operation, tables, List.of());
    }

    public static SqlVerdict refuse(String reason) {
        return refuse(reason, UNKNOWN_OPERATION, List.of());
    }
}
