package dev.fluxbase.ai.security.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code mp.jwt.verify.publickey} / {@code mp.jwt.verify.publickey.location} into a key source, with the
 * formats MicroProfile JWT accepts: PEM, JWKS or a single JWK, and base64 of either. Only public keys survive:
 * a JWKS that also lists symmetric or private keys never lends them to verification.
 */
final class VerificationKeys {

    private static final String CLASSPATH = "classpath:";
    private static final int TIMEOUT_MS = 5_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private VerificationKeys() {
    }

    static JWKSource<SecurityContext> fromText(String text) {
        return new ImmutableJWKSet<>(parse(text));
    }

    static JWKSource<SecurityContext> fromLocation(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https:") || lower.startsWith("http:")) {
            return remote(location);
        }
        return fromText(read(location));
    }

    static JWKSet parse(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("{")) {
                return publicOnly(json(trimmed));
            }
            if (PemKeys.looksLikePem(trimmed)) {
                return new JWKSet(PemKeys.parse(trimmed));
            }
            return decodeBase64(trimmed);
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable JWKS: " + e.getMessage(), e);
        }
    }

    private static JWKSet decodeBase64(String text) throws ParseException {
        String compact = text.replaceAll("\\s", "");
        byte[] bytes = compact.contains("-") || compact.contains("_")
                ? Base64.getUrlDecoder().decode(compact)
                : Base64.getDecoder().decode(compact);
        String decoded = new String(bytes, StandardCharsets.UTF_8).trim();
        return decoded.startsWith("{") ? publicOnly(json(decoded)) : new JWKSet(PemKeys.fromDer(bytes));
    }

    private static JWKSet json(String json) throws ParseException {
        return json.contains("\"keys\"") ? JWKSet.parse(json) : new JWKSet(JWK.parse(json));
    }

    private static JWKSet publicOnly(JWKSet keys) {
        JWKSet publicKeys = keys.toPublicJWKSet();
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("the JWKS holds no public RSA or EC key");
        }
        return publicKeys;
    }

    /** Nimbus caches the set, refreshes it when a token names an unknown key id and rate-limits the refreshes. */
    private static JWKSource<SecurityContext> remote(String location) {
        try {
            URL url = URI.create(location).toURL();
            return JWKSourceBuilder.create(url, new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, MAX_JWKS_BYTES))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad JWKS URL: " + e.getMessage(), e);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                return classpathResource(location.substring(CLASSPATH.length()));
            }
            if (location.regionMatches(true, 0, "file:", 0, 5)) {
                return Files.readString(filePath(location));
            }
            Path path = Path.of(location);
            // MicroProfile JWT reads a location without a scheme from the classpath; a file path is tried first.
            return Files.isRegularFile(path) ? Files.readString(path) : classpathResource(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /** Accepts {@code file:///abs}, {@code file:/abs} and the relative {@code file:dir/key.pem}. */
    private static Path filePath(String location) {
        URI uri = URI.create(location);
        return uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
    }

    private static String classpathResource(String name) throws IOException {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        for (ClassLoader loader : List.of(contextClassLoader(), VerificationKeys.class.getClassLoader())) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no file or classpath resource " + name);
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : VerificationKeys.class.getClassLoader();
    }
}
