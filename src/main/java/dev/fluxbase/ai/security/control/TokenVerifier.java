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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a bearer token and tells who it belongs to. Tokens are JWTs signed either with the operator's public
 * key pair or JWKS (the MicroProfile JWT settings) or with Fluxbase's shared HMAC secret. The signature is
 * checked before any claim is trusted; every failure is an {@link AuthenticationException} with
 * {@code INVALID_TOKEN} and a reason that never quotes the token.
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

    private Settings settings;
    private SignatureCheck signatures;
    private ClaimsCheck times;

    /** For CDI, which configures the bean in {@link #readConfiguration()}. */
    protected TokenVerifier() {
    }

    public TokenVerifier(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    TokenVerifier(Settings settings, Clock clock) {
        configure(settings, clock);
    }

    @PostConstruct
    void readConfiguration() {
        configure(new Settings(publicKey.orElse(null), publicKeyLocation.orElse(null), issuer.orElse(null),
                ConfigList.of(audiences.orElse(null)), secret.orElse(null), Duration.ofSeconds(clockSkewSeconds)),
                Clock.systemUTC());
    }

    private void configure(Settings settings, Clock clock) {
        this.settings = settings;
        this.times = new ClaimsCheck(settings.clockSkew(), clock);
        this.signatures = new SignatureCheck(settings.secretBytes(), publicKeySource(settings));
        if (!settings.configured()) {
            LOG.warning("No JWT verification key configured (mp.jwt.verify.publickey*, fluxbase.jwt.secret): every token will be refused");
        }
    }

    private static PublicKeySource publicKeySource(Settings settings) {
        if (settings.publicKey() != null) {
            if (settings.publicKeyLocation() != null) {
                LOG.warning("Both mp.jwt.verify.publickey and mp.jwt.verify.publickey.location are set; using mp.jwt.verify.publickey");
            }
            return new PublicKeySource(() -> VerificationKeys.fromText(settings.publicKey()));
        }
        if (settings.publicKeyLocation() != null) {
            return new PublicKeySource(() -> VerificationKeys.fromLocation(settings.publicKeyLocation()));
        }
        return null;
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
        signatures.verify(jwt);
        JWTClaimsSet claims = claims(jwt);
        times.checkTimes(claims);
        // Issuer and audience describe the public-key (SSO) setting of MicroProfile JWT; tokens made with
        // Fluxbase's shared secret carry Fluxbase's own issuer and are trusted by the secret alone.
        if (!SignatureCheck.isHmac(jwt.getHeader().getAlgorithm())) {
            ClaimsCheck.checkIssuer(claims, settings.issuer());
            ClaimsCheck.checkAudience(claims, settings.audiences());
        }
        return CallerFromClaims.map(claims, jwt.getPayload().toString());
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
     */
    public record Settings(String publicKey, String publicKeyLocation, String issuer, Set<String> audiences,
                           String secret, Duration clockSkew) {

        public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

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
        }

        boolean configured() {
            return publicKey != null || publicKeyLocation != null || secret != null;
        }

        byte[] secretBytes() {
            return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        }

        /** Never shows the secret or the key material. */
        @Override
        public String toString() {
            return "Settings[publicKey=" + (publicKey != null) + ", publicKeyLocation=" + publicKeyLocation + ", issuer=" + issuer
                    + ", audiences=" + audiences + ", secret=" + (secret != null ? "***" : null) + ", clockSkew=" + clockSkew + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
