package dev.fluxbase.ai.security.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Finds an OpenID Connect issuer's signing keys the standard way: its discovery document at
 * {@code <issuer>/.well-known/openid-configuration} names the {@code jwks_uri}. The document must name the
 * same issuer (OpenID Connect Discovery 1.0, section 4.3), so that a misconfigured URL never lends another
 * issuer's keys. The key set is cached and fetched again when a token names a key id it does not hold (a
 * rotation), at most once per {@code refreshMin}.
 */
final class OidcDiscovery {

    private static final int TIMEOUT_MS = 5_000;
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;
    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private OidcDiscovery() {
    }

    static URL discoveryUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return httpUrl(base + WELL_KNOWN, "issuer " + issuer);
    }

    static JWKSource<SecurityContext> keysOf(String issuer, Duration refreshMin) {
        ResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, MAX_DOCUMENT_BYTES);
        Map<String, Object> document = document(retriever, discoveryUrl(issuer));
        Object named = document.get("issuer");
        if (!issuer.equals(named)) {
            throw new IllegalStateException("the discovery document of " + issuer + " names the issuer " + named);
        }
        if (!(document.get("jwks_uri") instanceof String jwksUri)) {
            throw new IllegalStateException("the discovery document of " + issuer + " has no jwks_uri");
        }
        // Nimbus wants the cache to outlive the refetch interval; five minutes is its default.
        Duration cacheFor = refreshMin.plusMinutes(1).compareTo(CACHE_FOR) > 0 ? refreshMin.plusMinutes(1) : CACHE_FOR;
        JWKSourceBuilder<SecurityContext> keys = JWKSourceBuilder.create(httpUrl(jwksUri, "jwks_uri of " + issuer), retriever)
                .cache(cacheFor.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .retrying(true);
        keys = refreshMin.isZero() ? keys.rateLimited(false) : keys.rateLimited(refreshMin.toMillis());
        return keys.build();
    }

    private static Map<String, Object> document(ResourceRetriever retriever, URL url) {
        try {
            return JSONObjectUtils.parse(retriever.retrieveResource(url).getContent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + url + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(url + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static URL httpUrl(String text, String what) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException(what + " is not an http(s) URL: " + text);
        }
        try {
            return URI.create(text).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + text, e);
        }
    }
}
