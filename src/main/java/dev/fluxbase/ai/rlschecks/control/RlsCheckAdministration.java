package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.chatbots.control.ChatbotStore;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.rlschecks.entity.CheckVerdict;
import dev.fluxbase.ai.rlschecks.entity.ChecksSummary;
import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.RecordedQuery;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import dev.fluxbase.ai.rlschecks.entity.RlsCheckInput;
import dev.fluxbase.ai.tools.sqlguard.control.SqlGuard;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlPolicy;
import dev.fluxbase.ai.tools.sqlguard.entity.SqlVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's row-level security checks of a chatbot. A check's SQL is one the chatbot itself could run as a
 * read-only chatbot (its tables, schemas and functions, SELECT only), written by the admin or taken from the SQL audit
 * log of a question someone asked; it then runs as each listed user ({@link RlsCheckRunner}).
 */
@ApplicationScoped
public class RlsCheckAdministration {

    static final int MAX_RECORDED = 200;
    static final int MAX_RUNS = 100;

    @Inject
    RlsCheckStore store;

    @Inject
    RlsCheckRunner runner;

    @Inject
    ChatbotStore chatbots;

    @Inject
    SqlGuard guard;

    public List<RlsCheck> list(String chatbotId) {
        return store.ofChatbot(chatbot(chatbotId).id());
    }

    public RlsCheck get(String chatbotId, String checkId) {
        return check(chatbot(chatbotId), checkId);
    }

    public RlsCheck create(String chatbotId, RlsCheckInput input) {
        Chatbot chatbot = chatbot(chatbotId);
        if (input.sql().isPresent() == input.auditId().isPresent()) {
            throw RequestRejected.badRequest("Give the check's SQL as \"sql\" or as the \"audit_id\" of a recorded query, not both");
        }
        Optional<RecordedQuery> recorded = input.auditId().map(id -> store.recorded(chatbot.id(), id).orElseThrow(
                () -> RequestRejected.notFound(ErrorCodes.RECORDED_QUERY_NOT_FOUND, "No successful query " + id + " of this chatbot in the SQL audit log")));
        String sql = recorded.map(RecordedQuery::sql).orElseGet(() -> input.sql().orElseThrow());
        String question = input.question().or(() -> recorded.map(RecordedQuery::question)).orElse(null);
        RlsCheck check = CheckRules.check(UUID.randomUUID(), chatbot.id(),
                input.name().orElseThrow(() -> RequestRejected.badRequest("\"name\" is required")), question, runnable(chatbot, sql),
                input.ownerColumn().orElse(null), input.expectation().orElse(Expectation.OWN_ROWS.wireName()),
                input.users().orElseThrow(() -> RequestRejected.badRequest("\"users\" is required: the users to run the check as")),
                input.forbiddenOwners().orElse(List.of()), recorded.map(RecordedQuery::auditId).orElse(null));
        return store.create(check);
    }

    public RlsCheck update(String chatbotId, String checkId, RlsCheckInput input) {
        Chatbot chatbot = chatbot(chatbotId);
        RlsCheck old = check(chatbot, checkId);
        if (input.auditId().isPresent()) {
            throw RequestRejected.badRequest("\"audit_id\" is for a new check; change the SQL with \"sql\"");
        }
        String sql = input.sql().map(text -> runnable(chatbot, text)).orElse(old.sql());
        return store.update(CheckRules.check(old.id(), chatbot.id(), input.name().orElse(old.name()), input.question().orElse(old.question()),
                sql, input.ownerColumn().orElse(old.ownerColumn()), input.expectation().orElse(old.expectation().wireName()),
                input.users().orElse(old.users()), input.forbiddenOwners().orElse(old.forbiddenOwners()),
                input.sql().isPresent() ? null : old.sourceAuditId()));
    }

    public void delete(String chatbotId, String checkId) {
        Chatbot chatbot = chatbot(chatbotId);
        if (!store.delete(chatbot.id(), check(chatbot, checkId).id())) {
            throw notFound();
        }
    }

    /** Runs every check of the chatbot; each result is stored with who ran it. */
    public List<RlsCheck> runAll(String chatbotId, String ranBy) {
        Chatbot chatbot = chatbot(chatbotId);
        for (RlsCheck check : store.ofChatbot(chatbot.id())) {
            runner.run(check, chatbot.sqlAccess().allowedSchemas(), ranBy);
        }
        return store.ofChatbot(chatbot.id());
    }

    public CheckVerdict run(String chatbotId, String checkId, String ranBy) {
        Chatbot chatbot = chatbot(chatbotId);
        return runner.run(check(chatbot, checkId), chatbot.sqlAccess().allowedSchemas(), ranBy);
    }

    public List<RlsCheckStore.Run> runs(String chatbotId, String checkId, int limit) {
        return store.runs(get(chatbotId, checkId).id(), Math.max(1, Math.min(limit, MAX_RUNS)));
    }

    /** The chatbot's latest successful queries, to pick a check's SQL from. */
    public List<RecordedQuery> recorded(String chatbotId, int limit) {
        return store.recorded(chatbot(chatbotId).id(), Math.max(1, Math.min(limit, MAX_RECORDED)));
    }

    public Map<UUID, ChecksSummary> summaries() {
        return store.summaries();
    }

    public ChecksSummary summary(UUID chatbotId) {
        return store.summary(chatbotId);
    }

    /** The SQL as the guard passes it for this chatbot were it read-only: a check may never read more than the chatbot could. */
    private String runnable(Chatbot chatbot, String sql) {
        String text = CheckRules.sql(sql);
        SqlAccess access = chatbot.sqlAccess();
        SqlVerdict verdict = guard.check(text, new SqlPolicy(Set.of("SELECT"), access.allowedTables(), access.allowedSchemas(),
                access.allowedFunctions()));
        if (!verdict.allowed()) {
            throw RequestRejected.badRequest("The chatbot could not run this SQL as a read-only query: " + verdict.reason());
        }
        return text;
    }

    private Chatbot chatbot(String id) {
        return parse(id).flatMap(chatbots::find).orElseThrow(
                () -> RequestRejected.notFound(ErrorCodes.CHATBOT_NOT_FOUND, "Chatbot not found"));
    }

    private RlsCheck check(Chatbot chatbot, String id) {
        return parse(id).flatMap(uuid -> store.find(chatbot.id(), uuid)).orElseThrow(RlsCheckAdministration::notFound);
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.RLS_CHECK_NOT_FOUND, "RLS check not found");
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
