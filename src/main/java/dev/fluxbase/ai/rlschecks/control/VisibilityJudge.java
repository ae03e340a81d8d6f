package dev.fluxbase.ai.rlschecks.control;

import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.UserOutcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Judges what a user saw against a check's expectation. A row without an owner is not the user's: under
 * {@link Expectation#OWN_ROWS} it breaks the expectation as a stranger's row does. Owners that are UUIDs compare as
 * UUIDs, so the case a user id was typed in does not matter; other ids compare exactly.
 */
final class VisibilityJudge {

    static final String NO_OWNER = "";

    private VisibilityJudge() {
    }

    static UserOutcome judge(Expectation expectation, List<String> forbiddenOwners, Impersonation user, VisibleRows rows) {
        Set<String> strangers = new LinkedHashSet<>();
        int violations = 0;
        if (expectation == Expectation.NO_ROWS) {
            violations = rows.count();
        } else {
            for (String owner : rows.owners()) {
                if (breaks(expectation, forbiddenOwners, user.userId(), owner)) {
                    violations++;
                    if (strangers.size() < UserOutcome.MAX_STRANGERS) {
                        strangers.add(owner == null ? NO_OWNER : owner);
                    }
                }
            }
        }
        return new UserOutcome(user.userId(), user.role(), rows.count(), violations, List.copyOf(strangers), rows.truncated(), null);
    }

    private static boolean breaks(Expectation expectation, List<String> forbiddenOwners, String userId, String owner) {
        if (expectation == Expectation.OWN_ROWS) {
            return !sameOwner(userId, owner);
        }
        return owner != null && forbiddenOwners.stream().anyMatch(forbidden -> sameOwner(forbidden, owner));
    }

    static boolean sameOwner(String expected, String owner) {
        if (owner == null) {
            return false;
        }
        UUID a = uuid(expected);
        UUID b = uuid(owner);
        return a != null && b != null ? a.equals(b) : Objects.equals(expected.strip(), owner.strip());
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
