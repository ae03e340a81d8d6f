package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The issuers whose public-key tokens are trusted, each with its own keys: OpenID Connect issuers found by
 * discovery ({@code fluxbase.auth.issuer}, or {@code mp.jwt.verify.issuer} without a key), and the configured
 * MicroProfile JWT key, bound to {@code mp.jwt.verify.issuer} or, without one, to any issuer that is not an
 * OpenID Connect issuer (MicroProfile JWT's behaviour). A token's {@code iss} picks the keys; its signature then
 * proves that the issuer it names really signed it.
 */
final class TrustedIssuers {

    private static final Logger LOG = Logger.getLogger(TrustedIssuers.class.getName());
    /** How long an unreachable identity provider is left alone before discovery is tried again. */
    static final Duration DISCOVERY_RETRY = Duration.ofSeconds(10);

    private final Map<String, PublicKeySource> byIssuer;
    private final PublicKeySource anyOtherIssuer;

    private TrustedIssuers(Map<String, PublicKeySource> byIssuer, PublicKeySource anyOtherIssuer) {
        this.byIssuer = byIssuer;
        this.anyOtherIssuer = anyOtherIssuer;
    }

    static TrustedIssuers of(TokenVerifier.Settings settings, Clock clock) {
        Map<String, PublicKeySource> byIssuer = new LinkedHashMap<>();
        for (String issuer : settings.discoveredIssuers()) {
            byIssuer.put(issuer, PublicKeySource.retryingFailuresAfter(DISCOVERY_RETRY,
                    () -> OidcDiscovery.keysOf(issuer, settings.jwksRefreshMin()), "the issuer " + issuer, clock));
        }
        PublicKeySource configuredKey = configuredKey(settings);
        if (configuredKey != null && settings.issuer() != null) {
            byIssuer.putIfAbsent(settings.issuer(), configuredKey);
            return new TrustedIssuers(Map.copyOf(byIssuer), null);
        }
        return new TrustedIssuers(Map.copyOf(byIssuer), configuredKey);
    }

    private static PublicKeySource configuredKey(TokenVerifier.Settings settings) {
        if (settings.publicKey() != null) {
            if (settings.publicKeyLocation() != null) {
                LOG.warning("Both mp.jwt.verify.publickey and mp.jwt.verify.publickey.location are set; using mp.jwt.verify.publickey");
            }
            return PublicKeySource.keepingFailures(() -> VerificationKeys.fromText(settings.publicKey()), "mp.jwt.verify.publickey");
        }
        if (settings.publicKeyLocation() != null) {
            return PublicKeySource.keepingFailures(() -> VerificationKeys.fromLocation(settings.publicKeyLocation()),
                    "mp.jwt.verify.publickey.location");
        }
        return null;
    }

    boolean isEmpty() {
        return byIssuer.isEmpty() && anyOtherIssuer == null;
    }

    /** The keys of the issuer a token names; an issuer nobody configured is refused before any key is fetched. */
    PublicKeySource keysFor(String issuer) {
        PublicKeySource keys = issuer == null ? null : byIssuer.get(issuer);
        if (keys != null) {
            return keys;
        }
        if (anyOtherIssuer == null) {
            throw invalidToken("wrong issuer");
        }
        return anyOtherIssuer;
    }
}
