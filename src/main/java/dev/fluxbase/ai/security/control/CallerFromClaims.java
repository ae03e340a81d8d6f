package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fluxbase.ai.security.entity.Caller;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a caller out of verified claims, the way Fluxbase and corporate SSO tokens carry it. */
final class CallerFromClaims {

    /** Keys rather than people: their {@code sub}, when it is just the role name, is no user id. */
    private static final Set<String> KEY_ROLES = Set.of(Caller.ANON, Caller.SERVICE_ROLE);

    private CallerFromClaims() {
    }

    static Caller map(JWTClaimsSet claims, String claimsJson) {
        String role = role(claims);
        Instant expires = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
        return new Caller(userId(claims, role), role, groups(claims), claimsJson, true, expires);
    }

    private static String role(JWTClaimsSet claims) {
        Object role = claims.getClaim("role");
        if (role == null || (role instanceof String text && text.isBlank())) {
            return Caller.AUTHENTICATED;
        }
        if (!(role instanceof String text)) {
            throw invalidToken("role claim is not a string");
        }
        return text;
    }

    /** Fluxbase puts the id in {@code user_id}, SSO providers in {@code sub}; anon keys carry an empty one. */
    private static String userId(JWTClaimsSet claims, String role) {
        return Stream.of(text(claims.getClaim("sub")), text(claims.getClaim("user_id")))
                .filter(id -> id != null && !id.isBlank())
                .filter(id -> !(KEY_ROLES.contains(role) && id.equals(role)))
                .findFirst()
                .orElse(null);
    }

    private static Set<String> groups(JWTClaimsSet claims) {
        Object groups = claims.getClaim("groups");
        Set<String> names = new LinkedHashSet<>();
        if (groups instanceof Collection<?> list) {
            list.stream().map(CallerFromClaims::text).filter(g -> g != null && !g.isBlank()).forEach(names::add);
        } else if (text(groups) != null && !text(groups).isBlank()) {
            names.add(text(groups));
        }
        return names;
    }

    private static String text(Object value) {
        return value instanceof String || value instanceof Number ? value.toString() : null;
    }
}
