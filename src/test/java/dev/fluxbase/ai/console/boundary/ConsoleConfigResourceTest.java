package dev.fluxbase.ai.console.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.console.entity.ConsoleSignIn;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleConfigResourceTest {

    @Test
    void aConfiguredClientIsDescribedWithoutAnythingElse() {
        ConsoleSignIn signIn = new ConsoleSignIn("https://idp.example/realms/x", "fluxbase", "openid email", "Corp SSO");
        assertThat(ConsoleConfigResource.json(Optional.of(signIn)).toString()).isEqualTo(
                "{\"oidc\":{\"issuer\":\"https://idp.example/realms/x\",\"client_id\":\"fluxbase\",\"scope\":\"openid email\",\"name\":\"Corp SSO\"}}");
    }

    @Test
    void withoutAClientOidcIsNull() {
        assertThat(ConsoleConfigResource.json(Optional.empty()).toString()).isEqualTo("{\"oidc\":null}");
    }
}
