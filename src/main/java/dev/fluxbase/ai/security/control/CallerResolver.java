package dev.fluxbase.ai.security.control;

import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.TokenLifetime;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns whatever credential a client presented into a {@link Caller}: the REST filter and the WebSocket
 * handshake share it. No credential means an anonymous caller; a bad one never falls back to anonymous.
 */
@ApplicationScoped
public class CallerResolver {

    private static final String BEARER = "Bearer";

    @Inject
    TokenVerifier verifier;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.admin-groups")
    Optional<String> adminGroupsSetting;

    /** SSO groups whose members may use the admin API. */
    private Set<String> adminGroups = Set.of();

    /** For CDI, which configures the bean in {@link #readConfiguration()}. */
    protected CallerResolver() {
    }

    public CallerResolver(TokenVerifier verifier, Set<String> adminGroups) {
        this.verifier = verifier;
        this.adminGroups = Set.copyOf(adminGroups);
    }

    @PostConstruct
    void readConfiguration() {
        adminGroups = ConfigList.of(adminGroupsSetting.orElse(null));
    }

    /** {@code Authorization: Bearer <token>}, the scheme in any case; no header at all is anonymous. */
    public Caller fromAuthorizationHeader(String header) {
        if (header == null || header.isBlank()) {
            return Caller.anonymous();
        }
        String[] schemeAndToken = header.trim().split("\\s+", 2);
        if (!BEARER.equalsIgnoreCase(schemeAndToken[0])) {
            throw AuthenticationException.invalidToken("unsupported authorization scheme");
        }
        if (schemeAndToken.length < 2) {
            throw AuthenticationException.invalidToken("empty bearer token");
        }
        return verifier.verify(schemeAndToken[1].trim());
    }

    /** A raw token (an {@code apikey} header, a {@code ?token=} parameter); null or blank is anonymous. */
    public Caller fromToken(String tokenOrNull) {
        if (tokenOrNull == null || tokenOrNull.isBlank()) {
            return Caller.anonymous();
        }
        return verifier.verify(tokenOrNull.trim());
    }

    /** How long a socket opened by this caller may go on asking for answers. */
    public TokenLifetime lifetime(Caller caller) {
        return new TokenLifetime(caller.expiresAt(), verifier.clockSkew());
    }

    public boolean isAdmin(Caller caller) {
        return caller.isAdmin(adminGroups);
    }
}
