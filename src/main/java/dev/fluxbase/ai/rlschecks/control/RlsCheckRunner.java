package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.rlschecks.entity.CheckVerdict;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import dev.fluxbase.ai.rlschecks.entity.UserOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs a check: its SQL as each impersonated user in turn ({@link ImpersonatedQuery}), each outcome judged
 * ({@link VisibilityJudge}), the verdict stored as the check's latest and in its history. A user for whom the query
 * fails is an error of the run, not a pass: a check that cannot run proves nothing.
 */
@ApplicationScoped
public class RlsCheckRunner {

    private static final Logger LOG = Logger.getLogger(RlsCheckRunner.class.getName());

    @Inject
    ImpersonatedQuery query;

    @Inject
    RlsCheckStore store;

    Clock clock = Clock.systemUTC();

    /** @param schemas the chatbot's allowed schemas, the search path its own queries run with */
    public CheckVerdict run(RlsCheck check, List<String> schemas, String ranBy) {
        List<UserOutcome> outcomes = new ArrayList<>();
        for (Impersonation user : check.users()) {
            outcomes.add(outcome(check, user, schemas));
        }
        CheckVerdict verdict = CheckVerdict.of(clock.instant(), outcomes);
        store.recordRun(check.id(), verdict, ranBy);
        LOG.info(() -> "RLS check '" + check.name() + "' of chatbot " + check.chatbotId() + ": " + verdict.status().wireName());
        return verdict;
    }

    private UserOutcome outcome(RlsCheck check, Impersonation user, List<String> schemas) {
        String ownerColumn = check.expectation().needsOwnerColumn() ? check.ownerColumn() : null;
        try {
            VisibleRows rows = query.run(check.sql(), ownerColumn, user, schemas);
            return VisibilityJudge.judge(check.expectation(), check.forbiddenOwners(), user, rows);
        } catch (SQLException e) {
            return UserOutcome.failed(user, e.getMessage());
        }
    }
}
