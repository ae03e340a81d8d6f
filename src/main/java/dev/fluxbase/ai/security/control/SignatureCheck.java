package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jwt.SignedJWT;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Verifies a token's signature. The header's algorithm decides which key may be used: HMAC only with the
 * shared secret, RSA and EC only with the public keys. A public key is therefore never misused as an HMAC
 * secret (algorithm confusion), and a token cannot ask for a key type it was not meant to have.
 */
final class SignatureCheck {

    static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final Logger LOG = Logger.getLogger(SignatureCheck.class.getName());
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private final JWSVerifier sharedSecret;

    /** Without a secret, HMAC tokens are refused as an unsupported algorithm. */
    SignatureCheck(byte[] secret) {
        this.sharedSecret = secret == null ? null : macVerifier(secret);
    }

    static boolean isHmac(JWSAlgorithm algorithm) {
        return JWSAlgorithm.Family.HMAC_SHA.contains(algorithm);
    }

    /** HMAC tokens with the shared secret; RSA and EC tokens with {@code publicKeys}, the keys of their issuer. */
    void verify(SignedJWT jwt, PublicKeySource publicKeys) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (sharedSecret != null && isHmac(algorithm)) {
            verifyWith(jwt, List.of(sharedSecret));
        } else if (publicKeys != null && PUBLIC_KEY_ALGORITHMS.contains(algorithm)) {
            verifyWith(jwt, publicKeyVerifiers(jwt, publicKeys));
        } else {
            throw invalidToken("unsupported algorithm " + algorithm.getName());
        }
    }

    boolean acceptsHmac() {
        return sharedSecret != null;
    }

    private static void verifyWith(SignedJWT jwt, List<JWSVerifier> verifiers) {
        for (JWSVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // A key that cannot check this algorithm (wrong curve, too short a secret) is simply not the signer.
            }
        }
        throw invalidToken("bad signature");
    }

    private static List<JWSVerifier> publicKeyVerifiers(SignedJWT jwt, PublicKeySource publicKeys) {
        List<? extends Key> keys = candidateKeys(jwt, publicKeys);
        if (keys.isEmpty()) {
            throw invalidToken("unknown signing key");
        }
        return keys.stream().map(key -> verifierFor(jwt, key)).filter(Objects::nonNull).toList();
    }

    private static List<? extends Key> candidateKeys(SignedJWT jwt, PublicKeySource publicKeys) {
        JWSHeader header = jwt.getHeader();
        try {
            List<JWK> keys = select(header, publicKeys);
            if (keys.isEmpty() && header.getKeyID() != null) {
                // A PEM key has no id; like MicroProfile JWT, let it verify tokens that name one.
                keys = select(new JWSHeader.Builder(header).keyID(null).build(), publicKeys).stream()
                        .filter(key -> key.getKeyID() == null)
                        .toList();
            }
            return KeyConverter.toJavaKeys(keys).stream().filter(PublicKey.class::isInstance).toList();
        } catch (KeySourceException e) {
            LOG.warning("Cannot fetch the JWT verification keys: " + e.getMessage());
            throw new AuthenticationException(ErrorCodes.INVALID_TOKEN,
                    "Token verification is unavailable: the signing keys could not be fetched");
        }
    }

    /** Keys of the header's type, curve and algorithm, meant for signatures, with the header's key id if any. */
    private static List<JWK> select(JWSHeader header, PublicKeySource publicKeys) throws KeySourceException {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        return matcher == null ? List.of() : publicKeys.get().get(new JWKSelector(matcher), null);
    }

    private static JWSVerifier verifierFor(SignedJWT jwt, Key key) {
        try {
            return VERIFIERS.createJWSVerifier(jwt.getHeader(), key);
        } catch (JOSEException e) {
            return null;
        }
    }

    private static JWSVerifier macVerifier(byte[] secret) {
        try {
            return new MACVerifier(secret);
        } catch (JOSEException e) {
            LOG.severe("fluxbase.jwt.secret is unusable (" + e.getMessage() + "); HMAC-signed tokens will be refused");
            return null;
        }
    }
}
