package dev.fluxbase.ai.tools.sql.control;

import java.util.List;
import java.util.function.BiFunction;

/** An {@code execute_sql} tool for tests of other components, whose tables are described by the test instead of the catalog. */
public final class DescribedSqlTool {

    private DescribedSqlTool() {
    }

    /** @param describe from the allowed schemas and tables to the description */
    public static ExecuteSqlTool describing(BiFunction<List<String>, List<String>, String> describe) {
        ExecuteSqlTool tool = new ExecuteSqlTool();
        tool.schema = new SchemaDescriber() {
            @Override
            public String describe(List<String> schemas, List<String> tables) {
                return describe.apply(schemas, tables);
            }
        };
        return tool;
    }
}
