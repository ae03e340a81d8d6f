package dev.fluxbase.ai.security.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** What a CORS preflight answer allows: fixed methods, and the request headers the Fluxbase SDK sends. */
public final class CorsRules {

    public static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    public static final String ALLOWED_HEADERS = "Authorization, Content-Type, apikey, X-Client-Info";
    public static final String EXPOSED_HEADERS = "Content-Length, Content-Type";
    public static final String MAX_AGE_SECONDS = "600";

    private static final Set<String> ALLOWED_HEADER_NAMES = Set.of(
            "authorization", "content-type", "apikey", "x-client-info", "accept", "accept-language", "content-language");

    private CorsRules() {
    }

    /**
     * Echoes the requested headers when every one is allowed, so that browsers see exactly what they asked
     * for; otherwise answers the fixed list, and the browser refuses the extra header itself.
     */
    public static String allowHeaders(String requestedHeaders) {
        if (requestedHeaders == null || requestedHeaders.isBlank()) {
            return ALLOWED_HEADERS;
        }
        boolean allAllowed = Arrays.stream(requestedHeaders.split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .allMatch(ALLOWED_HEADER_NAMES::contains);
        return allAllowed ? requestedHeaders.trim() : ALLOWED_HEADERS;
    }
}
