package dev.fluxbase.ai.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
    void defaultsTheRoleToAuthenticated() {
        assertThat(map(new JWTClaimsSet.Builder().subject("u").build()).role()).isEqualTo("authenticated");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("role", "").build()).role()).isEqualTo("authenticated");
        assertThat(map(new JWTClaimsSet.Builder().subject("u").claim("role", "admin").build()).role()).isEqualTo("admin");
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
        return CallerFromClaims.map(claims, claims.toString());
    }
}
