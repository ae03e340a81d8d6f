package dev.fluxbase.ai.security.control;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys from PEM text ({@code PUBLIC KEY} or {@code CERTIFICATE} blocks, RSA or EC), read with the JDK
 * because nimbus's own PEM reader needs BouncyCastle.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemKeys() {
    }

    static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    static List<JWK> parse(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2).trim());
            keys.add(toJwk(publicKey(block.group(1), der)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no complete PEM block found");
        }
        return keys;
    }

    /** A bare base64 SubjectPublicKeyInfo, as MicroProfile JWT also accepts. */
    static JWK fromDer(byte[] der) {
        return toJwk(publicKey("PUBLIC KEY", der));
    }

    private static PublicKey publicKey(String type, byte[] der) {
        try {
            return switch (type) {
                case "PUBLIC KEY" -> subjectPublicKeyInfo(der);
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                default -> throw new IllegalArgumentException("PEM block " + type + " is not a public key or certificate");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    private static PublicKey subjectPublicKeyInfo(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static JWK toJwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new IllegalArgumentException("unsupported EC curve");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new IllegalArgumentException("unsupported public key type " + key.getAlgorithm());
    }
}
