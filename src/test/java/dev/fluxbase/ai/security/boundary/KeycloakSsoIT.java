package dev.fluxbase.ai.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.KeycloakServer;
import java.text.ParseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on against a real Keycloak (realm {@code fluxbase}, {@code src/test/resources/keycloak}). Every token
 * here comes from Keycloak.
 */
@ExtendWith(FluxbaseServer.class)
class KeycloakSsoIT {

    private KeycloakServer keycloak;

    @BeforeEach
    void setUp(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    private String token(String user) {
        return keycloak.tokenFor(user, user, KeycloakServer.CLIENT);
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRealmIssuesTokensForOurAudienceWithRolesAndGroups() throws ParseException {
        JWTClaimsSet alice = claims(token("alice"));
        assertThat(alice.getIssuer()).isEqualTo(keycloak.issuer()).startsWith("http://127.0.0.1:");
        assertThat(alice.getAudience()).contains(KeycloakServer.CLIENT);
        assertThat(alice.getClaim("groups")).asList().containsExactlyInAnyOrder("analysts", "sales");
        assertThat(alice.getJSONObjectClaim("realm_access").get("roles")).asList().contains("fluxbase-user");
        assertThat(claims(token("bob")).getJSONObjectClaim("realm_access").get("roles")).asList().doesNotContain("fluxbase-user", "fluxbase-ops");
        assertThat(claims(keycloak.tokenFor("alice", "alice", KeycloakServer.OTHER_CLIENT)).getAudience()).doesNotContain(KeycloakServer.CLIENT);
    }
}
