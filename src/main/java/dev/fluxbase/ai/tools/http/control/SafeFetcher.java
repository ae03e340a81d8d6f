package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import dev.fluxbase.ai.tools.http.entity.FetchResult;
import dev.fluxbase.ai.tools.http.entity.HttpSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GETs a URL under the http_get rules: every hop (redirects included, at most five) passes
 * {@link UrlCheck}, every address passes {@link AddressPolicy} at connect time, the whole fetch has
 * one deadline, and the body is streamed and cut at the size cap, never held whole.
 */
@ApplicationScoped
public class SafeFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final int KEPT_BYTES = 64 * 1024;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "http-get-deadline");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    @ConfigProperty(name = "fluxbase.http.timeout-ms", defaultValue = "10000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "fluxbase.http.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    HttpOverrides overrides;

    public FetchResult fetch(String url, List<String> allowedDomains, List<HttpSecret> secrets, CancelSignal cancel) {
        HostAllowList allowed = new HostAllowList(allowedDomains);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (CloseableHttpClient client = client(allowed)) {
            URI current = UrlCheck.check(url, allowed);
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                FetchResult result = get(client, current, secrets, deadline, cancel);
                if (!result.isRedirect()) {
                    return result;
                }
                current = UrlCheck.check(redirectTarget(current, result.location()), allowed);
            }
            throw new FetchRefused("Too many redirects (more than " + MAX_REDIRECTS + ")");
        } catch (IOException e) {
            throw new FetchRefused("Fetch failed: " + e.getMessage());
        }
    }

    // No proxies, cookies, auth caching or automatic redirects: every hop is checked here.
    private CloseableHttpClient client(HostAllowList allowed) {
        return GuardedClients.client(new GuardedDnsResolver(allowed::allowsLocal, overrides.hosts()), timeoutMillis, timeoutMillis);
    }

    /** One request of the chain. */
    private FetchResult get(CloseableHttpClient client, URI uri, List<HttpSecret> secrets, long deadline, CancelSignal cancel) throws IOException {
        HttpGet request = new HttpGet(withSecrets(uri, secrets));
        request.setHeader("User-Agent", "Fluxbase-Chatbot/1.0");
        request.setHeader("Accept", "application/json, text/*;q=0.9, */*;q=0.1");
        secretsFor(uri, secrets).forEach(secret -> secret.headers().forEach(request::setHeader));
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new FetchRefused("Timed out after " + timeoutMillis / 1000.0 + " s");
        }
        ScheduledFuture<?> timer = DEADLINES.schedule(request::cancel, remaining, TimeUnit.MILLISECONDS);
        try (AutoCloseable abort = cancel.onCancel(request::cancel);
                ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            FetchResult result = read(uri, response);
            if (result.truncated()) {
                request.cancel(); // drop the connection instead of draining the rest of the body
            }
            return result;
        } catch (GuardedDnsResolver.RefusedAddress e) {
            throw e.refusal();
        } catch (IOException e) {
            cancel.throwIfCancelled();
            if (System.nanoTime() >= deadline || request.isCancelled()) {
                throw new FetchRefused("Timed out after " + timeoutMillis / 1000.0 + " s");
            }
            throw e;
        } catch (FetchRefused e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            timer.cancel(false);
        }
    }

    private FetchResult read(URI uri, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (status >= 300 && status < 400 && location != null) {
            return new FetchResult(uri.toString(), status, null, "", 0, false, location.getValue());
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new FetchResult(uri.toString(), status, null, "", 0, false, null);
        }
        ContentType type = ContentType.parseLenient(entity.getContentType());
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total = 0;
        boolean truncated = false;
        byte[] buffer = new byte[8192];
        try (InputStream body = entity.getContent()) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (total + n > maxBytes) {
                    n = (int) (maxBytes - total);
                    truncated = true;
                }
                if (kept.size() < KEPT_BYTES) {
                    kept.write(buffer, 0, Math.min(n, KEPT_BYTES - kept.size()));
                }
                total += n;
                if (truncated) {
                    break;
                }
            }
        }
        return new FetchResult(uri.toString(), status, entity.getContentType(), kept.toString(charset), total, truncated, null);
    }

    private static String redirectTarget(URI from, String location) {
        try {
            return from.resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException e) {
            throw new FetchRefused("Invalid redirect target: " + location);
        }
    }

    private static URI withSecrets(URI uri, List<HttpSecret> secrets) {
        List<HttpSecret> matching = secretsFor(uri, secrets);
        if (matching.isEmpty()) {
            return uri;
        }
        try {
            URIBuilder builder = new URIBuilder(uri);
            matching.forEach(secret -> secret.query().forEach(builder::setParameter));
            return builder.build();
        } catch (URISyntaxException e) {
            throw new FetchRefused("Invalid URL: " + e.getReason());
        }
    }

    private static List<HttpSecret> secretsFor(URI uri, List<HttpSecret> secrets) {
        return secrets.stream().filter(secret -> new HostAllowList(List.of(secret.domain())).allows(uri.getHost())).toList();
    }
}
