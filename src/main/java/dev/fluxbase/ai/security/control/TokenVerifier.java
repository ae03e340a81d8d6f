package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.ClaimMapping;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a bearer token and tells who it belongs to. Tokens are JWTs signed either with a trusted issuer's
 * public keys ({@link TrustedIssuers}: OpenID Connect issuers found by discovery, and the MicroProfile JWT key)
 * or with Fluxbase's shared HMAC secret. The token's issuer picks the keys, the signature is checked before any
 * claim is trusted, then its times and (for public-key tokens) its audience; {@link CallerFromClaims} reads the
 * caller with the configured claim mapping. Every failure is an {@link AuthenticationException} with
 * {@code INVALID_TOKEN} and a reason that never quotes the token.
 *
 * <p>A shared identity provider issues tokens for many applications, so public-key tokens must name one of
 * {@code mp.jwt.verify.audiences}: the deployment fails while a key or issuer is configured without any, unless
 * {@code fluxbase.auth.allow-any-audience} says that any audience is meant.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "fluxbase.jwt.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "fluxbase.jwt.clock-skew-seconds", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.issuer")
    Optional<String> oidcIssuers;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.allow-any-audience", defaultValue = "false")
    boolean allowAnyAudience;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.jwks-refresh-min-seconds", defaultValue = "30")
    long jwksRefreshMinSeconds;

    @Inject
    ClaimMappingSettings claimMapping;

    private Settings settings;
    private TrustedIssuers issuers;
    private SignatureCheck signatures;
    private ClaimsCheck times;
    private CallerFromClaims callers;

    /** For CDI, which configures the bean in {@link #readConfiguration()}. */
    protected TokenVerifier() {
    }

    public TokenVerifier(Settings settings) {
        this(settings, ClaimMapping.FLUXBASE);
    }

    public TokenVerifier(Settings settings, ClaimMapping mapping) {
        this(settings, mapping, Clock.systemUTC());
    }

    TokenVerifier(Settings settings, ClaimMapping mapping, Clock clock) {
        configure(settings, mapping, clock);
    }

    @PostConstruct
    void readConfiguration() {
        Settings configured = new Settings(publicKey.orElse(null), publicKeyLocation.orElse(null), issuer.orElse(null),
                ConfigList.of(audiences.orElse(null)), secret.orElse(null), Duration.ofSeconds(clockSkewSeconds),
                List.copyOf(ConfigList.ordered(oidcIssuers.orElse(null))), allowAnyAudience, Duration.ofSeconds(jwksRefreshMinSeconds));
        configured.audienceProblem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        configure(configured, claimMapping.mapping(), Clock.systemUTC());
        LOG.info(() -> "Token verification: " + describe(configured));
    }

    /** Runs {@link #readConfiguration()} while the application deploys, so that a bad setting fails the deployment. */
    void checkAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Observing the event is enough: CDI creates the bean to deliver it, and its @PostConstruct checks.
    }

    private void configure(Settings settings, ClaimMapping mapping, Clock clock) {
        this.settings = settings;
        this.times = new ClaimsCheck(settings.clockSkew(), clock);
        this.signatures = new SignatureCheck(settings.secretBytes());
        this.issuers = TrustedIssuers.of(settings, clock);
        this.callers = new CallerFromClaims(mapping);
        if (!settings.configured()) {
            LOG.warning("No JWT verification configured (fluxbase.auth.issuer, mp.jwt.verify.*, fluxbase.jwt.secret): every token will be refused");
        }
    }

    private static String describe(Settings settings) {
        List<String> parts = new ArrayList<>();
        settings.discoveredIssuers().forEach(oidc -> parts.add("OpenID Connect issuer " + oidc));
        if (settings.publicKey() != null || settings.publicKeyLocation() != null) {
            parts.add("public key for " + (settings.issuer() == null ? "any other issuer" : "issuer " + settings.issuer()));
        }
        if (settings.secret() != null) {
            parts.add("HS256 secret");
        }
        parts.add(settings.audiences().isEmpty() ? "any audience" : "audiences " + settings.audiences());
        return String.join("; ", parts);
    }

    /** How far past {@code exp} a token is still accepted; sockets hold their token to the same tolerance. */
    public Duration clockSkew() {
        return settings.clockSkew();
    }

    public Caller verify(String token) {
        if (!settings.configured()) {
            throw new AuthenticationException(ErrorCodes.INVALID_TOKEN, "Token verification is not configured");
        }
        SignedJWT jwt = parse(token);
        JWTClaimsSet claims = claims(jwt);
        boolean hmac = SignatureCheck.isHmac(jwt.getHeader().getAlgorithm());
        // Tokens made with Fluxbase's shared secret are Fluxbase's own and trusted by the secret alone; a
        // public-key token is checked with the keys of the issuer it names, so no issuer can sign for another.
        signatures.verify(jwt, hmac || issuers.isEmpty() ? null : issuers.keysFor(claims.getIssuer()));
        times.checkTimes(claims);
        if (!hmac) {
            ClaimsCheck.checkAudience(claims, settings.audiences());
        }
        return callers.map(claims, jwt.getPayload().toString());
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw invalidToken("malformed");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length == 5) {
            throw invalidToken("encrypted tokens are not supported");
        }
        if (parts.length != 3) {
            throw invalidToken("malformed");
        }
        if (!(header(parts[0]) instanceof JWSHeader)) {
            throw invalidToken("malformed");
        }
        try {
            return SignedJWT.parse(token.trim());
        } catch (ParseException e) {
            throw invalidToken("malformed");
        }
    }

    /** Looks at the algorithm before anything else, so that an unsigned token is named as such. */
    private static Header header(String encoded) {
        Header header;
        try {
            header = Header.parse(new Base64URL(encoded));
        } catch (ParseException e) {
            throw invalidToken("malformed");
        }
        if (Algorithm.NONE.equals(header.getAlgorithm())) {
            throw invalidToken("unsupported algorithm none");
        }
        return header;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalidToken("malformed claims");
        }
    }

    /**
     * Where keys come from; blank values count as absent.
     *
     * @param publicKey         PEM, JWKS or JWK text (or base64 of it)
     * @param publicKeyLocation {@code file:} URL, file path, {@code classpath:} resource or {@code http(s):} JWKS URL
     * @param issuer            required {@code iss} of public-key tokens, or null
     * @param audiences         accepted {@code aud} values of public-key tokens; empty accepts any
     * @param secret            Fluxbase's HMAC secret (HS256/384/512), or null
     * @param clockSkew         tolerance for {@code exp} and {@code nbf}
     * @param oidcIssuers       OpenID Connect issuers whose keys are found by discovery
     * @param allowAnyAudience  the operator's explicit choice to accept public-key tokens for any audience
     * @param jwksRefreshMin    least time between two fetches of one issuer's key set
     */
    public record Settings(String publicKey, String publicKeyLocation, String issuer, Set<String> audiences,
                           String secret, Duration clockSkew, List<String> oidcIssuers, boolean allowAnyAudience,
                           Duration jwksRefreshMin) {

        public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
        public static final Duration DEFAULT_JWKS_REFRESH_MIN = Duration.ofSeconds(30);

        /** Settings without OpenID Connect issuers, accepting any audience when none is listed (tests). */
        public Settings(String publicKey, String publicKeyLocation, String issuer, Set<String> audiences, String secret, Duration clockSkew) {
            this(publicKey, publicKeyLocation, issuer, audiences, secret, clockSkew, List.of(), true, null);
        }

        public Settings {
            publicKey = blankToNull(publicKey);
            publicKeyLocation = blankToNull(publicKeyLocation);
            issuer = blankToNull(issuer);
            audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
            secret = secret == null || secret.isBlank() ? null : secret; // a secret is used byte for byte, never trimmed
            clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clock skew must not be negative");
            }
            oidcIssuers = oidcIssuers == null ? List.of() : oidcIssuers.stream().map(String::trim).filter(i -> !i.isEmpty()).distinct().toList();
            jwksRefreshMin = jwksRefreshMin == null ? DEFAULT_JWKS_REFRESH_MIN : jwksRefreshMin;
            if (jwksRefreshMin.isNegative()) {
                throw new IllegalArgumentException("fluxbase.auth.jwks-refresh-min-seconds must not be negative");
            }
        }

        boolean configured() {
            return publicKeyConfigured() || secret != null;
        }

        boolean publicKeyConfigured() {
            return publicKey != null || publicKeyLocation != null || !discoveredIssuers().isEmpty();
        }

        /** The OpenID Connect issuers, and {@code mp.jwt.verify.issuer} when it is a URL and no key is configured for it. */
        List<String> discoveredIssuers() {
            if (issuer == null || publicKey != null || publicKeyLocation != null || oidcIssuers.contains(issuer)
                    || !issuer.regionMatches(true, 0, "http", 0, 4)) {
                return oidcIssuers;
            }
            return Stream.concat(oidcIssuers.stream(), Stream.of(issuer)).toList();
        }

        /** Why these settings must not run: public-key tokens would be accepted whatever application they were for. */
        public Optional<String> audienceProblem() {
            if (!publicKeyConfigured() || !audiences.isEmpty() || allowAnyAudience) {
                return Optional.empty();
            }
            return Optional.of("MP_JWT_VERIFY_AUDIENCES (mp.jwt.verify.audiences) is required when a token issuer or public key "
                    + "is configured: without it, tokens your identity provider issued for any other application would be "
                    + "accepted. Set it to this server's client id or audience, or set FLUXBASE_AUTH_ALLOW_ANY_AUDIENCE=true "
                    + "to accept any audience on purpose.");
        }

        byte[] secretBytes() {
            return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        }

        /** Never shows the secret or the key material. */
        @Override
        public String toString() {
            return "Settings[publicKey=" + (publicKey != null) + ", publicKeyLocation=" + publicKeyLocation + ", issuer=" + issuer
                    + ", audiences=" + audiences + ", secret=" + (secret != null ? "***" : null) + ", clockSkew=" + clockSkew
                    + ", oidcIssuers=" + oidcIssuers + ", allowAnyAudience=" + allowAnyAudience + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
