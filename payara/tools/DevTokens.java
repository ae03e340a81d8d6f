import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Development keys and tokens, with the JDK alone (run as a single-file program: java DevTokens.java ...).
 *
 *   keygen DIR                         writes DIR/private.pem (PKCS#8) and DIR/public.pem (X.509), RS256, 2048 bit
 *   mint PRIVATE.pem ISSUER ROLE [SUB] [TTL-SECONDS]   prints one signed JWT
 *   dev-tokens PRIVATE.pem ISSUER      prints ANON_KEY=, SERVICE_KEY=, USER_TOKEN= lines, valid for a day
 *
 * Every token names the audience fluxbase-dev, which run.sh makes the server require in development.
 * These are development credentials: the private key sits unencrypted beside the server's data.
 */
public class DevTokens {

    static final String DEV_USER_ID = "00000000-0000-4000-8000-000000000001";
    static final String DEV_AUDIENCE = "fluxbase-dev";
    /** Printed at every start, so a day is plenty, and a token copied somewhere by mistake soon stops working. */
    static final long ONE_DAY = Duration.ofDays(1).toSeconds();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "keygen" -> keygen(Path.of(args[1]));
            case "mint" -> System.out.println(mint(Path.of(args[1]), args[2], args[3],
                    args.length > 4 ? args[4] : null, args.length > 5 ? Long.parseLong(args[5]) : 3600));
            case "dev-tokens" -> devTokens(Path.of(args[1]), args[2]);
            default -> {
                System.err.println("usage: DevTokens keygen DIR | mint PRIVATE.pem ISSUER ROLE [SUB] [TTL] | dev-tokens PRIVATE.pem ISSUER");
                System.exit(2);
            }
        }
    }

    static void keygen(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privateKey = dir.resolve("private.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static void devTokens(Path privateKey, String issuer) throws Exception {
        System.out.println("ANON_KEY=" + mint(privateKey, issuer, "anon", null, ONE_DAY));
        System.out.println("SERVICE_KEY=" + mint(privateKey, issuer, "service_role", null, ONE_DAY));
        System.out.println("USER_TOKEN=" + mint(privateKey, issuer, "authenticated", DEV_USER_ID, ONE_DAY));
    }

    static String mint(Path privateKey, String issuer, String role, String subject, long ttlSeconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        String sub = subject != null ? subject : role;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + quote(issuer) + ",\"aud\":" + quote(DEV_AUDIENCE) + ",\"sub\":" + quote(sub) + ",\"upn\":" + quote(sub)
                + ",\"role\":" + quote(role) + ",\"groups\":[" + quote(role) + "]"
                + ",\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(readPrivateKey(privateKey));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    static PrivateKey readPrivateKey(Path file) throws Exception {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
