package dev.fluxbase.ai.console.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest {

    private static final Optional<String> NONE = Optional.empty();
    private static final String SCOPE = "openid profile email";
    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/fluxbase";

    @Test
    void withoutAClientIdThereIsNoSignInWhateverElseIsSet() {
        assertThat(ConsoleSignIn.from(Optional.of(KEYCLOAK), Optional.of(KEYCLOAK), NONE, SCOPE, NONE)).isEmpty();
        assertThat(ConsoleSignIn.from(Optional.of(KEYCLOAK), NONE, Optional.of("  "), SCOPE, NONE)).isEmpty();
    }

    @Test
    void theIssuerDefaultsToTheFirstOfTheServersIssuers() {
        ConsoleSignIn signIn = ConsoleSignIn.from(NONE, Optional.of(" " + KEYCLOAK + " , https://login.example/tenant/v2.0"),
                Optional.of("fluxbase"), SCOPE, NONE).orElseThrow();
        assertThat(signIn).isEqualTo(new ConsoleSignIn(KEYCLOAK, "fluxbase", "openid profile email", "127.0.0.1"));
    }

    @Test
    void theConsolesOwnIssuerWins() {
        ConsoleSignIn signIn = ConsoleSignIn.from(Optional.of("https://login.example/tenant/v2.0"), Optional.of(KEYCLOAK),
                Optional.of("console"), SCOPE, Optional.of("Example SSO")).orElseThrow();
        assertThat(signIn.issuer()).isEqualTo("https://login.example/tenant/v2.0");
        assertThat(signIn.name()).isEqualTo("Example SSO");
    }

    @Test
    void theScopesAlwaysIncludeOpenIdOnce() {
        assertThat(scopeOf("email  offline_access")).isEqualTo("openid email offline_access");
        assertThat(scopeOf("profile openid")).isEqualTo("openid profile");
        assertThat(scopeOf("")).isEqualTo("openid");
    }

    @Test
    void aClientWithoutAUsableIssuerIsAConfigurationError() {
        assertThatThrownBy(() -> ConsoleSignIn.from(NONE, NONE, Optional.of("fluxbase"), SCOPE, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fluxbase.auth.issuer");
        assertThatThrownBy(() -> ConsoleSignIn.from(Optional.of("idp.example"), NONE, Optional.of("fluxbase"), SCOPE, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> ConsoleSignIn.from(Optional.of("javascript:alert(1)"), NONE, Optional.of("fluxbase"), SCOPE, NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsoleSignIn.from(Optional.of("https://idp.example/x?y=1"), NONE, Optional.of("fluxbase"), SCOPE, NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginHasAPortOnlyWhenItIsNotTheSchemesDefault() {
        assertThat(signIn(KEYCLOAK).origin()).isEqualTo("http://127.0.0.1:8180");
        assertThat(signIn("HTTPS://IdP.Example:443/realms/x").origin()).isEqualTo("https://idp.example");
        assertThat(signIn("http://idp.example:80").origin()).isEqualTo("http://idp.example");
        assertThat(signIn("https://[::1]:8443/").origin()).isEqualTo("https://[::1]:8443");
    }

    private static ConsoleSignIn signIn(String issuer) {
        return ConsoleSignIn.from(Optional.of(issuer), NONE, Optional.of("fluxbase"), SCOPE, NONE).orElseThrow();
    }

    private static String scopeOf(String scope) {
        return ConsoleSignIn.from(Optional.of(KEYCLOAK), NONE, Optional.of("fluxbase"), scope, NONE).orElseThrow().scope();
    }
}
