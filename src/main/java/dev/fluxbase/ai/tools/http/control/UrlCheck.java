package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The checks a URL passes before anything is resolved or connected, for every hop of a redirect too. */
final class UrlCheck {

    private UrlCheck() {
    }

    static URI check(String url, HostAllowList allowed) {
        URI uri = shape(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (allowed.isEmpty()) {
            throw new FetchRefused("This chatbot may not fetch any URL (no http-allowed-domains)");
        }
        if (!allowed.allows(host)) {
            throw new FetchRefused("Domain not allowed: " + HostAllowList.normalise(host));
        }
        if (scheme.equals("http") && !allowed.allowsLocal(host)) {
            throw new FetchRefused("HTTPS is required for " + HostAllowList.normalise(host));
        }
        return uri;
    }

    /** An absolute http(s) URL with a host and without credentials; nothing about the host itself. */
    static URI shape(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new FetchRefused("Only http and https URLs are supported");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchRefused("The URL has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new FetchRefused("URLs with embedded credentials are not allowed");
        }
        return uri;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw new FetchRefused("Not an absolute http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchRefused("Invalid URL: " + e.getReason());
        }
    }
}
