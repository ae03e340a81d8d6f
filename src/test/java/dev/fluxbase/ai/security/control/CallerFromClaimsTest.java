package dev.fluxbase.ai.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.ClaimMapping;
import dev.fluxbase.ai.security.entity.ClaimPath;
import dev.fluxbase.ai.security.entity.RoleMapping;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerFromClaimsTest {

    @Test
    void takesTheUserFromSubAndKeepsTheClaimsJson() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-1").claim("user_id", "u-2").claim("role", "authenticated").build();

        Caller caller = map(claims);

        assertThat(caller.userId()).isEqualTo("u-1");
        assertThat(caller.claims()).isEqualTo(claims.toString());
        assertThat(caller.authenticated()).isTrue();
    }

    @Test
    void remembersTheTokensExpirySoThatASocketCanHoldItToIt() {
        Instant exp = Instant.parse("2026-12-03T12:00:00Z");

        Caller caller = map(new JWTClaimsSet.Builder().subject("u-1").expirationTime(Date.from(exp)).build());

        assertThat(caller.expiresAt()).isEqualTo(exp);
        assertThat(Caller.anonymous().expiresAt()).isNull();
    }

    @Test
    void fallsBackToUserIdAsFluxbaseTokensCarryIt() {
        assertThat(map(new JWTClaimsSet.Builder().claim("user_id", "u-2").build()).userId()).isEqualTo("u-2");
        assertThat(map(new JWTClaimsSet.Builder().subject(" ").claim("user_id", "u-2").build()).userId()).isEqualTo("u-2");
    }

    @Test
    void aTokenWithoutARoleIsAnonLevelUnlessConfiguredOtherwise() {
        Caller noRole = map(new JWTClaimsSet.Builder().subject("u").build());

        assertThat(noRole.role()).isEqualTo("anon");
        assertThat(noRole.isAnonymous()).isTrue();
        assertThat(noRole.userId()).as("still the user it names").isEqualTo("u");
        assertThat(noRole.claims()).as("row-level security sees the role it runs with").contains("\"role\":\"anon\"");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("role", "").build()).role()).isEqualTo("anon");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("role", "admin").build()).role()).isEqualTo("admin");
        ClaimMapping authenticatedByDefault = new ClaimMapping(ClaimPath.listOf("sub"), ClaimPath.of("role"), List.of(), List.of(),
                RoleMapping.NONE, "authenticated");
        assertThat(new CallerFromClaims(authenticatedByDefault).map(new JWTClaimsSet.Builder().subject("u").build(), "{}").role())
                .isEqualTo("authenticated");
    }

    @Test
    void readsKeycloakRolesAndGroupsThroughConfiguredPaths() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("kc-1")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "fluxbase-user")))
                .claim("resource_access", Map.of("fluxbase", Map.of("roles", List.of("reports"))))
                .claim("groups", List.of("analysts"))
                .claim("preferred_username", "alice")
                .build();

        Caller caller = keycloak().map(claims, claims.toString());

        assertThat(caller.groups()).containsExactlyInAnyOrder("offline_access", "fluxbase-user", "reports", "analysts");
        assertThat(caller.role()).isEqualTo("authenticated");
        assertThat(caller.displayName()).isEqualTo("alice");
        assertThat(caller.claims()).contains("\"role\":\"authenticated\"").contains("\"sub\":\"kc-1\"");
    }

    @Test
    void theMostPrivilegedMappedRoleWinsAndAnExplicitRoleClaimWinsOverTheMapping() {
        JWTClaimsSet both = new JWTClaimsSet.Builder().subject("u").claim("groups", List.of("ops", "staff")).build();
        JWTClaimsSet explicit = new JWTClaimsSet.Builder().subject("u").claim("groups", List.of("ops")).claim("role", "authenticated").build();

        assertThat(keycloak().map(both, "{}").role()).isEqualTo("service_role");
        assertThat(keycloak().map(explicit, explicit.toString()).role()).isEqualTo("authenticated");
        assertThat(keycloak().map(explicit, explicit.toString()).claims()).isEqualTo(explicit.toString());
    }

    @Test
    void roleClaimsCanBeIgnoredAndUserIdsReadFromAnotherClaim() {
        ClaimMapping entra = new ClaimMapping(ClaimPath.listOf("oid"), null, ClaimPath.listOf("roles"), ClaimPath.listOf("name"),
                RoleMapping.parse("Fluxbase.User=authenticated"), "anon");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("pairwise").claim("oid", "00000000-0000-0000-0000-000000000001")
                .claim("role", "service_role").claim("roles", List.of("Fluxbase.User")).claim("name", "Alice A").build();

        Caller caller = new CallerFromClaims(entra).map(claims, claims.toString());

        assertThat(caller.userId()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(caller.role()).as("the token's own role claim is not trusted").isEqualTo("authenticated");
        assertThat(caller.displayName()).isEqualTo("Alice A");
    }

    @Test
    void findsNamespacedClaimsWhoseNamesContainDots() {
        ClaimMapping auth0 = new ClaimMapping(ClaimPath.listOf("sub"), null, ClaimPath.listOf("https://example.com/roles"), List.of(),
                RoleMapping.parse("staff=authenticated"), "anon");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("auth0|1").claim("https://example.com/roles", List.of("staff")).build();

        assertThat(new CallerFromClaims(auth0).map(claims, "{}").role()).isEqualTo("authenticated");
    }

    @Test
    void refusesARoleThatIsNoString() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u").claim("role", List.of("admin")).build();

        assertThatThrownBy(() -> map(claims)).isInstanceOf(AuthenticationException.class)
                .hasMessage("Invalid token: role claim is not a string");
    }

    @Test
    void readsGroupsAsAListOrASingleName() {
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("groups", List.of("ops", "dev")).build()).groups())
                .containsExactlyInAnyOrder("ops", "dev");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("groups", "ops").build()).groups()).containsExactly("ops");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").build()).groups()).isEmpty();
    }

    @Test
    void anonAndServiceKeysHaveNoUser() {
        Caller anonKey = map(new JWTClaimsSet.Builder().subject("anon").claim("role", "anon").build());
        Caller serviceKey = map(new JWTClaimsSet.Builder().subject("service_role").claim("role", "service_role").build());
        Caller fluxbaseAnonKey = map(new JWTClaimsSet.Builder().claim("user_id", "").claim("role", "anon").build());

        assertThat(anonKey.userId()).isNull();
        assertThat(anonKey.isAnonymous()).isTrue();
        assertThat(serviceKey.userId()).isNull();
        assertThat(serviceKey.isAdmin(Set.of())).isTrue();
        assertThat(fluxbaseAnonKey.userId()).isNull();
    }

    @Test
    void aUserWithTheAnonRoleKeepsARealId() {
        assertThat(map(new JWTClaimsSet.Builder().subject("u-9").claim("role", "anon").build()).userId()).isEqualTo("u-9");
    }

    private static Caller map(JWTClaimsSet claims) {
        return new CallerFromClaims(ClaimMapping.FLUXBASE).map(claims, claims.toString());
    }

    private static CallerFromClaims keycloak() {
        return new CallerFromClaims(new ClaimMapping(ClaimPath.listOf("sub"), ClaimPath.of("role"),
                ClaimPath.listOf("realm_access.roles,resource_access.fluxbase.roles,groups"), ClaimPath.listOf("name,preferred_username"),
                RoleMapping.parse("fluxbase-user=authenticated,staff=authenticated,ops=service_role"), "anon"));
    }
}
