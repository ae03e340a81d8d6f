package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.enterprise.context.ApplicationScoped;

/** Fluxbase's {@code update_record}: the rows a filter matches, as an UPDATE ... RETURNING. */
@ApplicationScoped
public class UpdateRecordTool extends TableTool {

    public UpdateRecordTool() {
        super("update_record", "Update records of a database table that match the filters, with the current user's permissions.", """
                {"type": "object",
                 "properties": {
                   "table": {"type": "string", "description": "The table to update (may include the schema: public.users)"},
                   "data": {"type": "object", "description": "The new values as key-value pairs where keys are column names"},
                   "filter": {"type": "object", "description": "Conditions as {\\"column\\": \\"operator.value\\"}, e.g. {\\"id\\": \\"eq.123\\"}", "additionalProperties": {"type": "string"}},
                   "returning": {"type": "string", "description": "Columns to return after the update", "default": "*"}
                 },
                 "required": ["table", "data", "filter"]}""");
    }

    @Override
    BoundStatement statement(JsonFields arguments) {
        return TableStatements.update(arguments);
    }

    @Override
    String describe(String table) {
        return "update " + table;
    }
}
