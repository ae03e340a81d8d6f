package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.enterprise.context.ApplicationScoped;

/** Fluxbase's {@code delete_record}: the rows a filter matches, as a DELETE ... RETURNING. */
@ApplicationScoped
public class DeleteRecordTool extends TableTool {

    public DeleteRecordTool() {
        super("delete_record", "Delete records of a database table that match the filters, with the current user's permissions.", """
                {"type": "object",
                 "properties": {
                   "table": {"type": "string", "description": "The table to delete from (may include the schema: public.users)"},
                   "filter": {"type": "object", "description": "Conditions as {\\"column\\": \\"operator.value\\"}, e.g. {\\"id\\": \\"eq.123\\"}", "additionalProperties": {"type": "string"}},
                   "returning": {"type": "string", "description": "Columns to return after the delete", "default": "*"}
                 },
                 "required": ["table", "filter"]}""");
    }

    @Override
    BoundStatement statement(JsonFields arguments) {
        return TableStatements.delete(arguments);
    }

    @Override
    String describe(String table) {
        return "delete from " + table;
    }
}
