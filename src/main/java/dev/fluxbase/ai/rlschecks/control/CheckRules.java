package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What makes a check well formed, each rule with the message the admin reads. The table's own constraints say the
 * same, so a check that slipped past these would still not be stored.
 */
final class CheckRules {

    static final int MAX_NAME = 200;
    static final int MAX_QUESTION = 4000;
    static final int MAX_SQL = 20_000;
    static final int MAX_USERS = 20;
    static final int MAX_FORBIDDEN_OWNERS = 100;
    static final int MAX_USER_ID = 200;
    static final int MAX_CLAIMS = 4096;
    /** The claim roles a Fluxbase token carries; each picks a database role as a real token would. */
    static final Set<String> ROLES = new LinkedHashSet<>(List.of("anon", Impersonation.AUTHENTICATED, "service_role"));

    private CheckRules() {
    }

    static RlsCheck check(UUID id, UUID chatbotId, String name, String question, String sql, String ownerColumn, String expectation,
            List<Impersonation> users, List<String> forbiddenOwners, Long sourceAuditId) {
        Expectation expect = Expectation.of(expectation).orElseThrow(() -> RequestRejected.badRequest("\"expect\" must be one of "
                + Arrays.stream(Expectation.values()).map(Expectation::wireName).collect(Collectors.joining(", "))));
        String owner = blankToNull(ownerColumn);
        if (expect.needsOwnerColumn() && owner == null) {
            throw RequestRejected.badRequest("\"owner_column\" is required for \"" + expect.wireName()
                    + "\": the result column that says whose a row is (such as user_id)");
        }
        if (owner != null && owner.length() > 63) {
            throw RequestRejected.badRequest("\"owner_column\" is a column name of at most 63 characters");
        }
        List<String> forbidden = forbiddenOwners.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        if (expect == Expectation.NOT_OWNED_BY && forbidden.isEmpty()) {
            throw RequestRejected.badRequest("\"forbidden_owners\" is required for \"not_owned_by\": the owners whose rows must never show");
        }
        if (forbidden.size() > MAX_FORBIDDEN_OWNERS) {
            throw RequestRejected.badRequest("\"forbidden_owners\" may list at most " + MAX_FORBIDDEN_OWNERS + " owners");
        }
        if (users.isEmpty() || users.size() > MAX_USERS) {
            throw RequestRejected.badRequest("\"users\" must list 1 to " + MAX_USERS + " users to run the check as");
        }
        List<Impersonation> valid = users.stream().map(u -> user(u.userId(), u.role(), u.claimsJson())).toList();
        return new RlsCheck(id, chatbotId, name(name), question(question), sql, owner, expect, valid, forbidden, sourceAuditId,
                null, null, null);
    }

    static String sql(String sql) {
        String text = sql == null ? "" : sql.strip();
        if (text.isEmpty() || text.length() > MAX_SQL) {
            throw RequestRejected.badRequest("\"sql\" must be one SELECT statement of at most " + MAX_SQL + " characters");
        }
        return text;
    }

    static Impersonation user(String userId, String role, String claimsJson) {
        String id = userId == null ? "" : userId.strip();
        if (id.isEmpty() || id.length() > MAX_USER_ID) {
            throw RequestRejected.badRequest("Each user needs a \"user_id\" of at most " + MAX_USER_ID + " characters");
        }
        String claimRole = role == null ? Impersonation.AUTHENTICATED : role.strip();
        if (!ROLES.contains(claimRole)) {
            throw RequestRejected.badRequest("A user's \"role\" must be one of " + String.join(", ", ROLES));
        }
        if (claimsJson != null && claimsJson.length() > MAX_CLAIMS) {
            throw RequestRejected.badRequest("A user's \"claims\" may take at most " + MAX_CLAIMS + " characters of JSON");
        }
        return new Impersonation(id, claimRole, claimsJson);
    }

    private static String name(String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            throw RequestRejected.badRequest("\"name\" must be 1 to " + MAX_NAME + " characters");
        }
        return text;
    }

    private static String question(String question) {
        String text = blankToNull(question);
        if (text != null && text.length() > MAX_QUESTION) {
            throw RequestRejected.badRequest("\"question\" may have at most " + MAX_QUESTION + " characters");
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
