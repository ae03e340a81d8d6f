package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.tools.sqlguard.control.ReachableFunctions;
import dev.fluxbase.ai.tools.sqlguard.entity.FunctionRef;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms with the database that every function a statement calls is one the chatbot may call. A name on the
 * built-in allow-list is only the built-in when nothing else on the search path answers to it: PostgreSQL picks the
 * best match among all same-named functions of {@code pg_catalog} and the allowed schemas, so {@code lower(5)} would
 * run a {@code public.lower(integer)}. Every function the name can reach must therefore be a built-in of
 * {@code pg_catalog} or of the pgvector extension, or be named by the chatbot. Runs on the query's own connection,
 * after its search path is set, so it sees exactly the functions the query will.
 */
final class FunctionCatalog {

    private static final String CANDIDATES = "SELECT n.nspname, p.proname, p.prosecdef, EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            + "JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
            + "AND d.objid = p.oid AND d.deptype = 'e' AND e.extname = 'vector') "
            + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            + "WHERE p.proname = ANY (?) AND n.nspname = ANY (pg_catalog.current_schemas(true))";

    private record Candidate(String schema, String name, boolean securityDefiner, boolean vector) {
    }

    private FunctionCatalog() {
    }

    /** @return why a call may not run, or empty when every function each call can reach is allowed */
    static Optional<String> refusal(Connection connection, List<FunctionRef> calls, SqlPolicy policy) throws SQLException {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        ReachableFunctions rules = new ReachableFunctions(policy);
        List<Candidate> candidates = candidates(connection, calls);
        for (FunctionRef call : calls) {
            Optional<String> refusal = candidates.stream().filter(candidate -> reaches(call, candidate))
                    .flatMap(candidate -> rules.refusal(candidate.schema(), candidate.name(), candidate.vector(), candidate.securityDefiner()).stream())
                    .findFirst();
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static boolean reaches(FunctionRef call, Candidate candidate) {
        return candidate.name().equals(call.name()) && (!call.qualified() || candidate.schema().equals(call.schema()));
    }

    private static List<Candidate> candidates(Connection connection, List<FunctionRef> calls) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        calls.forEach(call -> names.add(call.name()));
        return Jdbc.list(connection, CANDIDATES, rows -> new Candidate(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getBoolean(4)),
                new Jdbc.TextArray(List.copyOf(names)));
    }
}
