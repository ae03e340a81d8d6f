package dev.fluxbase.ai.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser origins may call the server: its own origin always, others only when listed in
 * {@code fluxbase.cors.origins} (a comma list; {@code *} allows every origin). Shared by the CORS filter and
 * the WebSocket handshake.
 */
@ApplicationScoped
public class OriginPolicy {

    public static final String ANY = "*";
    private static final Logger LOG = Logger.getLogger(OriginPolicy.class.getName());

    @Inject
    @ConfigProperty(name = "fluxbase.cors.origins")
    Optional<String> originsSetting;

    private Set<String> allowed = Set.of();

    /** For CDI, which configures the bean in {@link #readConfiguration()}. */
    protected OriginPolicy() {
    }

    public OriginPolicy(Collection<String> allowedOrigins) {
        this.allowed = canonicalAll(allowedOrigins);
    }

    @PostConstruct
    void readConfiguration() {
        allowed = canonicalAll(ConfigList.of(originsSetting.orElse(null)));
    }

    /**
     * @param origin      the {@code Origin} header
     * @param requestHost the {@code Host} header (host and optional port) the request was sent to; the scheme is
     *                    not compared, because a TLS-terminating proxy hides it from the server
     */
    public boolean isOriginAllowed(String origin, String requestHost) {
        Optional<URI> parsed = parse(origin);
        if (parsed.isEmpty()) {
            return false;
        }
        return isSameOrigin(parsed.get(), requestHost) || allowed.contains(ANY) || allowed.contains(canonical(parsed.get()));
    }

    private static boolean isSameOrigin(URI origin, String requestHost) {
        if (requestHost == null || requestHost.isBlank()) {
            return false;
        }
        try {
            URI host = URI.create("//" + requestHost.trim());
            int defaultPort = defaultPort(origin.getScheme());
            return origin.getHost().equalsIgnoreCase(host.getHost())
                    && effectivePort(origin.getPort(), defaultPort) == effectivePort(host.getPort(), defaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Origin: null} (sandboxed frames, file pages) is never allowed, not even by {@code *}. */
    private static Optional<URI> parse(String origin) {
        if (origin == null || origin.isBlank() || "null".equals(origin.trim())) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(origin.trim());
            boolean bare = uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return bare ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Set<String> canonicalAll(Collection<String> origins) {
        Set<String> canonical = new HashSet<>();
        for (String origin : origins) {
            if (ANY.equals(origin.trim())) {
                canonical.add(ANY);
            } else {
                parse(origin).map(OriginPolicy::canonical).ifPresentOrElse(canonical::add,
                        () -> LOG.warning("Ignoring fluxbase.cors.origins entry that is not an origin: " + origin));
            }
        }
        return Set.copyOf(canonical);
    }

    private static String canonical(URI origin) {
        String scheme = origin.getScheme().toLowerCase(Locale.ROOT);
        int port = effectivePort(origin.getPort(), defaultPort(scheme));
        boolean showPort = port != -1 && port != defaultPort(scheme);
        return scheme + "://" + origin.getHost().toLowerCase(Locale.ROOT) + (showPort ? ":" + port : "");
    }

    private static int effectivePort(int port, int defaultPort) {
        return port == -1 ? defaultPort : port;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }
}
