package dev.fluxbase.ai.security.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anonymousHasTheAnonRoleAndNoUser() {
        Caller anonymous = Caller.anonymous();

        assertThat(anonymous.userId()).isNull();
        assertThat(anonymous.role()).isEqualTo("anon");
        assertThat(anonymous.authenticated()).isFalse();
        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(anonymous.claims()).isEqualTo("{\"role\":\"anon\"}");
        assertThat(anonymous.isAdmin(Set.of("anything"))).isFalse();
    }

    @Test
    void roleDefaultsToAuthenticated() {
        assertThat(new Caller("u1", null, null, null, true).role()).isEqualTo("authenticated");
        assertThat(new Caller("u1", " ", null, null, true).groups()).isEmpty();
    }

    @Test
    void anonKeyIsAnonymousEvenThoughVerified() {
        Caller anonKey = new Caller(null, "anon", Set.of(), "{}", true);

        assertThat(anonKey.isAnonymous()).isTrue();
        assertThat(anonKey.isAdmin(Set.of())).isFalse();
    }

    @Test
    void adminRolesAndAdminGroupsMakeAdmins() {
        assertThat(new Caller(null, "service_role", Set.of(), "{}", true).isAdmin(Set.of())).isTrue();
        assertThat(new Caller("u1", "admin", Set.of(), "{}", true).isAdmin(Set.of())).isTrue();
        assertThat(new Caller("u1", "authenticated", Set.of("ops", "dev"), "{}", true).isAdmin(Set.of("ops"))).isTrue();
        assertThat(new Caller("u1", "authenticated", Set.of("dev"), "{}", true).isAdmin(Set.of("ops"))).isFalse();
        assertThat(new Caller("u1", "authenticated", Set.of("dev"), "{}", true).isAdmin(null)).isFalse();
        assertThat(new Caller("u1", "authenticated", Set.of(), "{}", true).isAnonymous()).isFalse();
    }

    @Test
    void toStringLeavesClaimsOut() {
        Caller caller = new Caller("u1", "authenticated", Set.of(), "{\"email\":\"a@example.com\"}", true);

        assertThat(caller.toString()).contains("u1").doesNotContain("a@example.com");
    }
}
