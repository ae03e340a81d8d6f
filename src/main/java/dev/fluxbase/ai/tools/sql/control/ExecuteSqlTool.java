package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.ProgressSteps;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.sql.control.SqlAuditLog.Entry;
import dev.fluxbase.ai.tools.sql.entity.BoundStatement;
import dev.fluxbase.ai.tools.sql.entity.QueryOutcome;
import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import dev.fluxbase.ai.tools.sql.entity.SensitiveColumns;
import dev.fluxbase.ai.tools.sqlguard.control.SqlGuard;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code execute_sql} tool: the guard decides, the database enforces (read-only transaction,
 * the user's role and row-level security, timeout), the result is bounded (rows, bytes per value, bytes per
 * query), the client gets the rows that fit in a frame and the LLM a summary with the sample that fits in its
 * cap. A refused query does not end the turn: the LLM is told why. In a chat turn, the values of sensitive columns
 * reach the client in full and the LLM as pseudonyms ({@link MaskedColumns}, {@link ResultMasking}).
 */
@ApplicationScoped
public class ExecuteSqlTool implements Tool {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;
    private static final Logger LOG = Logger.getLogger(ExecuteSqlTool.class.getName());

    public static final String NAME = "execute_sql";

    private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
            "Run one PostgreSQL query against the database with the current user's permissions. "
                    + "Returns a summary and sample rows; the user sees the full result.",
            JSON.createObjectBuilder()
                    .add("type", "object")
                    .add("properties", JSON.createObjectBuilder()
                            .add("sql", JSON.createObjectBuilder().add("type", "string").add("description", "One SQL statement"))
                            .add("description", JSON.createObjectBuilder().add("type", "string")
                                    .add("description", "A short description of what the query finds, shown to the user")))
                    .add("required", JSON.createArrayBuilder().add("sql"))
                    .build());

    @Inject
    SqlGuard guard;

    @Inject
    SqlExecutor executor;

    @Inject
    SqlAuditLog audit;

    @Inject
    SqlMetrics metrics;

    @Inject
    ResultBounds bounds;

    @Inject
    SchemaDescriber schema;

    @Inject
    SensitiveColumnCatalog sensitiveColumns;

    @Inject
    WritePreviewer previewer;

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    /**
     * The tables the chatbot may query (described from the cache, see {@link SchemaDescriber}) and the query rules: the same
     * section for every tool that reaches the tables, which the prompt then holds once.
     */
    @Override
    public String instructions(ChatbotDefinition chatbot) {
        SqlAccess sql = chatbot.settings().sqlAccess();
        return SqlPromptSection.of(schema.describe(sql.allowedSchemas(), sql.allowedTables()), sql, chatbot.settings().queryRules(),
                chatbot.settings().toolUse().tools());
    }

    @Override
    public String run(ToolCall call, ToolContext context) {
        try {
            JsonFields arguments = ToolArguments.parse(call.arguments());
            return run(new BoundStatement(arguments.requiredText("sql"), List.of()), arguments.nonBlankText("description").orElse(""), context);
        } catch (ToolArguments.Invalid e) {
            return e.toolResult();
        }
    }

    /**
     * Runs a statement as the model's own SQL runs: the same guard and chatbot rules, the same execution under the
     * user's role, the same audit, {@code query_result} frame and result for the model.
     */
    public String run(BoundStatement statement, String description, ToolContext context) {
        String sql = statement.sql();
        String shown = statement.display();
        context.events().progress(ProgressSteps.QUERYING, description.isBlank() ? "Querying the database..." : "Querying: " + description);
        SqlAccess access = context.chatbot().settings().sqlAccess();
        SqlPolicy policy = new SqlPolicy(Set.copyOf(access.allowedOperations()), access.allowedTables(), access.allowedSchemas(),
                access.allowedFunctions());
        SqlVerdict verdict = guard.check(sql, policy);
        if (!verdict.allowed()) {
            return refused(context, shown, verdict.reason());
        }
        Optional<String> broken = context.intents().queryProblem(verdict.tables(), () -> SelectedColumns.of(sql),
                "SELECT".equals(verdict.operation()));
        if (broken.isPresent()) {
            return refused(context, shown, broken.get());
        }
        Optional<SensitiveColumns> sensitive = sensitive(context, access);
        if (sensitive.isEmpty()) {
            return refused(context, shown, "the sensitive columns could not be read, so the query was not run");
        }
        if (previewer.applies(statement, verdict.operation(), context)) {
            return preview(statement, shown, context, access, verdict, policy);
        }
        context.events().progress(ProgressSteps.EXECUTING, "Executing query...");
        QueryOutcome outcome;
        try {
            outcome = executor.execute(sql, statement.parameters(), context.identity(), access.allowedSchemas(), policy.readOnly(),
                    context.cancel(), connection -> FunctionCatalog.refusal(connection, verdict.functions(), policy), !sensitive.get().isEmpty());
        } catch (QueryRefused refusal) {
            return refused(context, shown, refusal.reason());
        }
        metrics.ran(outcome.succeeded(), outcome.durationMillis());
        context.cancel().throwIfCancelled();
        List<String> labels = MaskedColumns.labels(sql, outcome, verdict.tables(), sensitive.get());
        QueryOutcome read = sensitive.get().isEmpty() ? outcome : ResultMasking.forModel(outcome, labels, sql, context.pseudonyms());
        audit(context, entry(context, shown, true, null, outcome.succeeded() ? outcome.rowCount() : null, (int) outcome.durationMillis(),
                outcome.error()).masking(ResultMasking.maskedNames(outcome, labels)));
        ResultLimits limits = bounds.limits();
        int clientRows = QueryFrame.rowsThatFit(shown, outcome, verdict.tables(), limits);
        String summary = QuerySummary.of(outcome, verdict.tables(), limits, clientRows);
        if (outcome.succeeded()) {
            context.events().queryResult(shown, summary, clientRows, outcome.rows().subList(0, clientRows));
        } else {
            context.events().queryRefused(shown, summary);
        }
        return ModelText.of(read, read == outcome ? summary : QuerySummary.of(read, verdict.tables(), limits, clientRows), clientRows,
                context.maxResultBytes());
    }

    /** A write that waits for the user's confirmation: the LLM reads how many rows it would change, the client sees them. */
    private String preview(BoundStatement statement, String shown, ToolContext context, SqlAccess access, SqlVerdict verdict,
            SqlPolicy policy) {
        context.events().progress(ProgressSteps.EXECUTING, "Previewing the write...");
        try {
            return previewer.preview(statement, shown, context, access.allowedSchemas(),
                    connection -> FunctionCatalog.refusal(connection, verdict.functions(), policy));
        } catch (QueryRefused refusal) {
            return refused(context, shown, refusal.reason());
        }
    }

    /** The sensitive columns of a turn that masks (none for MCP calls), or empty when they cannot be read. */
    private Optional<SensitiveColumns> sensitive(ToolContext context, SqlAccess access) {
        if (!context.pseudonyms().masking()) {
            return Optional.of(SensitiveColumns.NONE);
        }
        try {
            return Optional.of(sensitiveColumns.of(access));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the sensitive columns: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    /** A refused query does not end the turn: the LLM is told why, and the client sees the same reason. */
    private String refused(ToolContext context, String sql, String reason) {
        metrics.refused();
        audit(context, entry(context, sql, false, reason, null, null, null));
        context.events().queryRefused(sql, reason);
        return "Query refused: " + reason;
    }

    /** {@code @fluxbase:disable-execution-logs}: no audit row; the turn's usage is booked all the same. */
    private void audit(ToolContext context, Entry entry) {
        if (context.chatbot().settings().toolUse().executionLogs()) {
            audit.record(entry);
        }
    }

    private static Entry entry(ToolContext context, String sql, boolean allowed, String reason, Integer rows, Integer millis, String error) {
        return new Entry(context.chatbot().id(), uuid(context.conversationId()), context.identity().userId(), context.identity().role(),
                sql, allowed, reason, rows, millis, error, context.channel().column(), null);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
