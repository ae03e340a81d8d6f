package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.ClaimMapping;
import dev.fluxbase.ai.security.entity.ClaimPath;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a caller out of verified claims with the configured {@link ClaimMapping}: Fluxbase's own claim names by
 * default, an identity provider's paths and group-to-role mapping when configured. The role is the explicit role
 * claim if there is one, else the most privileged role the caller's groups map to, else the default role.
 */
final class CallerFromClaims {

    /** Keys rather than people: their {@code sub}, when it is just the role name, is no user id. */
    private static final Set<String> KEY_ROLES = Set.of(Caller.ANON, Caller.SERVICE_ROLE);
    private static final String ROLE_CLAIM = "role";

    private final ClaimMapping mapping;

    CallerFromClaims(ClaimMapping mapping) {
        this.mapping = mapping;
    }

    Caller map(JWTClaimsSet claims, String claimsJson) {
        Map<String, Object> json = claims.toJSONObject();
        Set<String> groups = groups(json);
        String role = role(json, groups);
        Instant expires = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
        return new Caller(userId(json, role), role, groups, claimsWithRole(claims, claimsJson, role), true, expires,
                firstText(json, mapping.displayName()));
    }

    private String role(Map<String, Object> json, Set<String> groups) {
        if (mapping.role() != null) {
            Object claim = mapping.role().in(json);
            if (claim != null && !(claim instanceof String)) {
                throw invalidToken("role claim is not a string");
            }
            if (claim instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return mapping.roleMapping().roleFor(groups).orElse(mapping.defaultRole());
    }

    /** Fluxbase puts the id in {@code user_id}, SSO providers in {@code sub}; anon keys carry an empty one. */
    private String userId(Map<String, Object> json, String role) {
        return mapping.userId().stream()
                .map(path -> ClaimPath.text(path.in(json)))
                .filter(id -> id != null && !id.isBlank())
                .filter(id -> !(KEY_ROLES.contains(role) && id.equals(role)))
                .findFirst()
                .orElse(null);
    }

    private Set<String> groups(Map<String, Object> json) {
        Set<String> names = new LinkedHashSet<>();
        mapping.groups().forEach(path -> path.textsIn(json).forEach(names::add));
        return names;
    }

    private static String firstText(Map<String, Object> json, List<ClaimPath> paths) {
        return paths.stream().map(path -> ClaimPath.text(path.in(json))).filter(Objects::nonNull)
                .filter(text -> !text.isBlank()).findFirst().orElse(null);
    }

    /**
     * Row-level security reads {@code role} from {@code request.jwt.claims}: when the role came from the mapping or
     * the default, the claims handed to PostgreSQL say so; a token's own role claim is passed on untouched.
     */
    private static String claimsWithRole(JWTClaimsSet claims, String claimsJson, String role) {
        if (role.equals(claims.getClaim(ROLE_CLAIM))) {
            return claimsJson;
        }
        return new JWTClaimsSet.Builder(claims).claim(ROLE_CLAIM, role).build().toString();
    }
}
