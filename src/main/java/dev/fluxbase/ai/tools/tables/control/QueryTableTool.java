package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.enterprise.context.ApplicationScoped;

/** Fluxbase's {@code query_table}: rows of one table by filters, order and page, as a SELECT. */
@ApplicationScoped
public class QueryTableTool extends TableTool {

    public static final String NAME = "query_table";

    public QueryTableTool() {
        super(NAME, "Query a database table with filters, ordering, and pagination, with the current user's permissions. "
                + "Use it for specific records matching criteria (dates, numbers, exact values); use execute_sql, when offered, for joins "
                + "and aggregations.", """
                {"type": "object",
                 "properties": {
                   "table": {"type": "string", "description": "The table to query (may include the schema: public.users)"},
                   "select": {"type": "string", "description": "Comma-separated columns to select, or '*' for all columns", "default": "*"},
                   "filter": {"type": "object", "description": "Conditions as {\\"column\\": \\"operator.value\\"}, e.g. {\\"is_active\\": \\"eq.true\\", \\"age\\": \\"gt.18\\"}", "additionalProperties": {"type": "string"}},
                   "order": {"type": "string", "description": "Order, e.g. 'created_at.desc' or 'name.asc'"},
                   "limit": {"type": "integer", "description": "Maximum number of rows to return", "default": 100, "maximum": 1000},
                   "offset": {"type": "integer", "description": "Number of rows to skip (for pagination)", "default": 0}
                 },
                 "required": ["table"]}""");
    }

    @Override
    BoundStatement statement(JsonFields arguments) {
        return TableStatements.select(arguments);
    }

    @Override
    String describe(String table) {
        return "rows of " + table;
    }
}
