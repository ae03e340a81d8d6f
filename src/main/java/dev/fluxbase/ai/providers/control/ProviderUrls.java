package dev.fluxbase.ai.providers.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Base URLs of providers: absolute http(s), without the trailing slash that would double the path's. */
public final class ProviderUrls {

    private ProviderUrls() {
    }

    /** @throws IllegalArgumentException with a message fit for an admin */
    public static URI parse(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
    }
}
