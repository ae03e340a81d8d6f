package dev.fluxbase.ai.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** A key pair made for this test run; the server verifies tokens against its public half. */
public final class TestTokens {

    public static final String ISSUER = "fluxbase-it";
    /** The server under test requires this audience ({@code MP_JWT_VERIFY_AUDIENCES}), as production must. */
    public static final String AUDIENCE = "fluxbase-it";

    private final KeyPair keys;
    private final Path publicKeyFile;

    private TestTokens(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    static TestTokens create(Path directory) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.createDirectories(directory);
        Path publicKey = directory.resolve("public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return new TestTokens(keys, publicKey);
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    public String userToken(String userId) {
        return token("authenticated", userId, Duration.ofHours(1));
    }

    public String token(String role, String subject, Duration validity) {
        return token(role, subject, validity, AUDIENCE);
    }

    /** A token the run's key signed for {@code audience}: another application's token when it is not ours. */
    public String token(String role, String subject, Duration validity, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .claim("upn", subject)
                .claim("role", role)
                .claim("groups", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
