package dev.fluxbase.ai.tools.http.control;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for requests the server makes where the model or an admin chose the URL: every connection resolves through
 * a {@link GuardedDnsResolver}; no redirects (the caller checks each hop, or follows none), cookies, proxies, auth caching
 * or retries.
 */
final class GuardedClients {

    private GuardedClients() {
    }

    static CloseableHttpClient client(DnsResolver resolver, long connectTimeoutMillis, long socketTimeoutMillis) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                                .setSocketTimeout(Timeout.ofMilliseconds(socketTimeoutMillis))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .build();
    }
}
