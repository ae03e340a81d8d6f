package dev.fluxbase.ai.tools.tables.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.control.ExecuteSqlTool;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import jakarta.inject.Inject;

/**
 * One of Fluxbase's table tools: its arguments become a parameterised statement ({@link TableStatements}), which runs
 * exactly as the model's own SQL does ({@link ExecuteSqlTool}): the chatbot's tables, schemas and operations, the
 * user's role under row-level security, the audit log, the {@code query_result} frame.
 */
abstract class TableTool implements Tool {

    @Inject
    ExecuteSqlTool sql;

    private final ToolDefinition definition;

    /** @param schema the JSON schema of the arguments, as Fluxbase's tool declares it */
    TableTool(String name, String description, String schema) {
        this.definition = new ToolDefinition(name, description, JsonFactories.readObject(schema));
    }

    /** The statement the arguments ask for; arguments it cannot use throw {@link ToolArguments.Invalid}. */
    abstract BoundStatement statement(JsonFields arguments);

    /** What the client's progress frame says the tool does. */
    abstract String describe(String table);

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    /** The tables and the query rules: the same section as execute_sql's, which the prompt holds once. */
    @Override
    public String instructions(ChatbotDefinition chatbot) {
        return sql.instructions(chatbot);
    }

    @Override
    public String run(ToolCall call, ToolContext context) {
        try {
            JsonFields arguments = ToolArguments.parse(call.arguments());
            return sql.run(statement(arguments), describe(arguments.requiredText("table")), context);
        } catch (ToolArguments.Invalid e) {
            return e.toolResult();
        }
    }
}
