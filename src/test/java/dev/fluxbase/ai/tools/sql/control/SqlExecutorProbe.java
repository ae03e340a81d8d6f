package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import java.util.List;
import java.util.Optional;

/** Runs a query through the executor's package-private entry, as ExecuteSqlTool does once its guard accepted it. */
public final class SqlExecutorProbe {

    private SqlExecutorProbe() {
    }

    public static QueryOutcome run(SqlExecutor executor, String sql, DatabaseIdentity identity, List<String> schemas, boolean readOnly) {
        return executor.execute(sql, identity, schemas, readOnly, new CancelSignal(), connection -> Optional.empty());
    }

    /** As {@link #run}, naming each result column's table column, as a turn that masks sensitive columns does. */
    public static QueryOutcome runWithOrigins(SqlExecutor executor, String sql, DatabaseIdentity identity, List<String> schemas) {
        return executor.execute(sql, List.of(), identity, schemas, true, new CancelSignal(), connection -> Optional.empty(), true);
    }
}
