package dev.fluxbase.ai.console.control;

import dev.fluxbase.ai.console.entity.ConsoleSignIn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's identity provider, read once from {@code fluxbase.console.oidc.*}. A client without a usable
 * issuer is logged and left out: the console then offers pasting a token only, and the APIs work on.
 */
@ApplicationScoped
public class ConsoleSignInSettings {

    private static final Logger LOG = Logger.getLogger(ConsoleSignInSettings.class.getName());

    @Inject
    @ConfigProperty(name = "fluxbase.console.oidc.issuer")
    Optional<String> issuerSetting;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.issuer")
    Optional<String> authIssuersSetting;

    @Inject
    @ConfigProperty(name = "fluxbase.console.oidc.client-id")
    Optional<String> clientIdSetting;

    @Inject
    @ConfigProperty(name = "fluxbase.console.oidc.scope", defaultValue = "openid profile email")
    String scopeSetting;

    @Inject
    @ConfigProperty(name = "fluxbase.console.oidc.name")
    Optional<String> nameSetting;

    private Optional<ConsoleSignIn> signIn = Optional.empty();

    @PostConstruct
    void readConfiguration() {
        try {
            signIn = ConsoleSignIn.from(issuerSetting, authIssuersSetting, clientIdSetting, scopeSetting, nameSetting);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "The console offers no sign-in through an identity provider: " + e.getMessage());
        }
    }

    public Optional<ConsoleSignIn> signIn() {
        return signIn;
    }
}
