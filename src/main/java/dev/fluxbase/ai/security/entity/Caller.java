package dev.fluxbase.ai.security.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;

/**
 * The identity behind a request or socket.
 *
 * @param userId        the end user ({@code sub}, else {@code user_id}); null for anonymous callers and for
 *                      anon / service keys, which identify an application rather than a person
 * @param role          the database role: the token's role claim, else the role its groups map to, else the
 *                      configured default ({@code anon}); {@code anon} without a token
 * @param groups        the groups and IdP roles read from the configured claims ({@code groups} by default), possibly empty
 * @param claims        the verified claims as JSON, meant for PostgreSQL's {@code request.jwt.claims}
 * @param authenticated whether a token was presented and verified
 * @param expiresAt     the verified token's {@code exp}; null without a token
 * @param displayName   a name to show for the caller (by default {@code name}, {@code preferred_username} or
 *                      {@code email}); null when the token carries none
 */
public record Caller(String userId, String role, Set<String> groups, String claims, boolean authenticated, Instant expiresAt,
                     String displayName) {

    public static final String ANON = "anon";
    public static final String AUTHENTICATED = "authenticated";
    public static final String SERVICE_ROLE = "service_role";
    public static final String ADMIN = "admin";

    private static final String ANONYMOUS_CLAIMS = "{\"role\":\"anon\"}";
    private static final Caller ANONYMOUS = new Caller(null, ANON, Set.of(), ANONYMOUS_CLAIMS, false);

    public Caller {
        role = role == null || role.isBlank() ? AUTHENTICATED : role;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        claims = claims == null ? "{}" : claims;
    }

    /** A caller whose token's lifetime does not matter here (a request checked once, a test). */
    public Caller(String userId, String role, Set<String> groups, String claims, boolean authenticated) {
        this(userId, role, groups, claims, authenticated, null, null);
    }

    /** No token at all; row-level security still sees the {@code anon} role. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** True without a token, and for the anon key: it proves which app calls, not which user. */
    public boolean isAnonymous() {
        return !authenticated || ANON.equals(role);
    }

    public boolean isAdmin(Set<String> adminGroups) {
        if (!authenticated) {
            return false;
        }
        return ADMIN.equals(role) || SERVICE_ROLE.equals(role)
                || (adminGroups != null && !Collections.disjoint(groups, adminGroups));
    }

    /** Leaves the claims out, so that logging a caller never spills e-mail addresses or metadata. */
    @Override
    public String toString() {
        return "Caller[userId=" + userId + ", role=" + role + ", groups=" + groups + ", authenticated=" + authenticated + "]";
    }
}
