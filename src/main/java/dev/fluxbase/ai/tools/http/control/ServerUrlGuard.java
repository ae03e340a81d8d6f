package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * http_get's rules for the servers the server itself connects to on an admin's word (MCP servers): an absolute http(s)
 * URL without credentials, https unless the operator named the host, and no loopback, private, link-local, CGNAT,
 * metadata or otherwise reserved address unless the operator named the host ({@code fluxbase.mcp.private-hosts}: exact
 * hosts or {@code *.suffix}). The URL is checked when it is registered, and every address again when a connection is
 * made ({@link GuardedDnsResolver}, with {@code fluxbase.http.resolve}'s pinning), so a name that later resolves
 * elsewhere (DNS rebinding) reaches nothing it may not.
 */
@ApplicationScoped
public class ServerUrlGuard {

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.private-hosts")
    Optional<String> privateHosts;

    @Inject
    HttpOverrides overrides;

    /**
     * @return the URL, resolved once to check every address of its host
     * @throws FetchRefused with the reason, for the admin who registers it
     */
    public URI check(String url) {
        URI uri = UrlCheck.shape(url);
        String host = uri.getHost();
        if (operatorTrusts(host)) {
            return uri;
        }
        if (uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
            throw new FetchRefused("HTTPS is required for " + HostAllowList.normalise(host)
                    + " (an operator may allow plain http to a host in FLUXBASE_MCP_PRIVATE_HOSTS)");
        }
        try {
            resolver().resolve(host);
        } catch (GuardedDnsResolver.RefusedAddress e) {
            throw e.refusal();
        } catch (UnknownHostException e) {
            throw new FetchRefused("Unknown host: " + HostAllowList.normalise(host));
        }
        return uri;
    }

    /**
     * A client for one server's requests: every connection resolves through the guard; no redirects, cookies, proxies,
     * auth caching or retries.
     */
    public CloseableHttpClient client(long connectTimeoutMillis, long socketTimeoutMillis) {
        return GuardedClients.client(resolver(), connectTimeoutMillis, socketTimeoutMillis);
    }

    /** Whether a refusal of the client is a refused address, and why: for the message the model and the admin read. */
    public static Optional<String> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GuardedDnsResolver.RefusedAddress refused) {
                return Optional.of(refused.refusal().getMessage());
            }
        }
        return Optional.empty();
    }

    private GuardedDnsResolver resolver() {
        return new GuardedDnsResolver(this::operatorTrusts, overrides.hosts());
    }

    private boolean operatorTrusts(String host) {
        return new HostAllowList(List.of(privateHosts.orElse("").split(","))).allows(host);
    }
}
