package dev.fluxbase.ai.security.entity;

import java.util.List;
import java.util.Objects;

/**
 * Where a verified token keeps the caller's user id, database role, groups and display name, and which role a
 * token gets from its groups or, failing that, by default. {@link #FLUXBASE} reads tokens the way Fluxbase
 * mints them; identity providers are configured with paths such as Keycloak's {@code realm_access.roles}.
 *
 * @param userId      paths tried in order, the first non-blank text wins
 * @param role        path of an explicit role claim, which wins over the mapping; null to ignore such claims
 * @param groups      paths whose texts (or arrays of texts) are all the caller's groups
 * @param displayName paths tried in order for a name to show
 * @param roleMapping roles granted by groups
 * @param defaultRole the role of a token with neither a role claim nor a mapped group
 */
public record ClaimMapping(List<ClaimPath> userId, ClaimPath role, List<ClaimPath> groups, List<ClaimPath> displayName,
                           RoleMapping roleMapping, String defaultRole) {

    public static final ClaimMapping FLUXBASE = new ClaimMapping(ClaimPath.listOf("sub,user_id"), ClaimPath.of("role"),
            ClaimPath.listOf("groups"), ClaimPath.listOf("name,preferred_username,email"), RoleMapping.NONE, Caller.ANON);

    public ClaimMapping {
        userId = List.copyOf(userId);
        groups = List.copyOf(groups);
        displayName = List.copyOf(displayName);
        roleMapping = Objects.requireNonNullElse(roleMapping, RoleMapping.NONE);
        if (!RoleMapping.ROLES.contains(defaultRole)) {
            throw new IllegalArgumentException("fluxbase.auth.default-role must be one of " + String.join(", ", RoleMapping.ROLES)
                    + ", not '" + defaultRole + "'");
        }
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("fluxbase.auth.claims.user-id names no claim");
        }
    }
}
