package dev.fluxbase.ai.rlschecks.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored check of a chatbot: a recorded question's SQL, the users to run it as, and what each may see.
 *
 * @param ownerColumn     the result column that says whose a row is; null for {@link Expectation#NO_ROWS}
 * @param forbiddenOwners the owners whose rows {@link Expectation#NOT_OWNED_BY} forbids
 * @param sourceAuditId   the {@code ai.sql_audit_log} row the SQL was taken from, or null
 * @param last            the latest run, or null before the first
 */
public record RlsCheck(UUID id, UUID chatbotId, String name, String question, String sql, String ownerColumn, Expectation expectation,
        List<Impersonation> users, List<String> forbiddenOwners, Long sourceAuditId, Instant createdAt, Instant updatedAt,
        CheckVerdict last) {

    public RlsCheck {
        users = List.copyOf(users);
        forbiddenOwners = List.copyOf(forbiddenOwners);
    }

    public Optional<CheckVerdict> lastRun() {
        return Optional.ofNullable(last);
    }
}
