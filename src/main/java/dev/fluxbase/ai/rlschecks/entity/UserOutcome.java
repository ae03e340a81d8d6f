package dev.fluxbase.ai.rlschecks.entity;

import java.util.List;

/**
 * What one impersonated user saw: how many rows, how many of them broke the expectation, and (a few of) the
 * owners of those rows; or why the query could not run for them.
 *
 * @param strangers up to {@link #MAX_STRANGERS} distinct owners of rows the user should not have seen ("" for none)
 * @param truncated the row cap stopped the read: more rows may break the expectation
 * @param error     why the query failed for this user, or null
 */
public record UserOutcome(String userId, String role, int rows, int violations, List<String> strangers, boolean truncated, String error) {

    public static final int MAX_STRANGERS = 5;

    public UserOutcome {
        strangers = List.copyOf(strangers);
    }

    public static UserOutcome failed(Impersonation user, String error) {
        return new UserOutcome(user.userId(), user.role(), 0, 0, List.of(), false, error);
    }
}
