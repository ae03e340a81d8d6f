package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.enterprise.context.ApplicationScoped;

/** Fluxbase's {@code insert_record}: one row, as an INSERT ... RETURNING. */
@ApplicationScoped
public class InsertRecordTool extends TableTool {

    public InsertRecordTool() {
        super("insert_record", "Insert a new record into a database table, with the current user's permissions.", """
                {"type": "object",
                 "properties": {
                   "table": {"type": "string", "description": "The table to insert into (may include the schema: public.users)"},
                   "data": {"type": "object", "description": "The record as key-value pairs where keys are column names"},
                   "returning": {"type": "string", "description": "Columns to return after the insert", "default": "*"}
                 },
                 "required": ["table", "data"]}""");
    }

    @Override
    BoundStatement statement(JsonFields arguments) {
        return TableStatements.insert(arguments);
    }

    @Override
    String describe(String table) {
        return "insert into " + table;
    }
}
