package dev.fluxbase.ai.security.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    @Test
    void theMostPrivilegedRoleOfTheCallersGroupsWinsWhateverTheOrder() {
        RoleMapping mapping = RoleMapping.parse(" ops = service_role , staff=authenticated,guests=anon");

        assertThat(mapping.roleFor(Set.of("staff", "ops", "guests"))).hasValue("service_role");
        assertThat(mapping.roleFor(Set.of("guests", "staff"))).hasValue("authenticated");
        assertThat(mapping.roleFor(Set.of("other"))).isEmpty();
        assertThat(RoleMapping.parse(null).isEmpty()).isTrue();
    }

    @Test
    void aGroupNameMayContainAnEqualsSign() {
        assertThat(RoleMapping.parse("cn=staff=authenticated").roleFor(Set.of("cn=staff"))).hasValue("authenticated");
    }

    @Test
    void refusesUnknownRolesAndMalformedEntriesNamingThem() {
        assertThatThrownBy(() -> RoleMapping.parse("staff=postgres")).hasMessageContaining("'staff=postgres'")
                .hasMessageContaining("anon, authenticated, service_role");
        assertThatThrownBy(() -> RoleMapping.parse("staff")).hasMessageContaining("'staff'");
        assertThatThrownBy(() -> RoleMapping.parse("=authenticated")).hasMessageContaining("'=authenticated'");
    }

    @Test
    void claimPathsWalkNestedObjectsAndFindDottedNames() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("a", "b")),
                "https://example.com/roles", List.of("c"), "n", 7);

        assertThat(ClaimPath.of("realm_access.roles").textsIn(claims)).containsExactly("a", "b");
        assertThat(ClaimPath.of("https://example.com/roles").textsIn(claims)).containsExactly("c");
        assertThat(ClaimPath.text(ClaimPath.of("n").in(claims))).isEqualTo("7");
        assertThat(ClaimPath.of("realm_access.missing").in(claims)).isNull();
        assertThatThrownBy(() -> ClaimPath.of("a..b")).isInstanceOf(IllegalArgumentException.class);
    }
}
