package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.tools.http.control.ServerUrlGuard;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP streamable HTTP transport (client side) for the MCP Java SDK's client, on the server's guarded HTTP client
 * ({@link ServerUrlGuard}): every connection's addresses pass http_get's checks, with {@code fluxbase.http.resolve}'s
 * pinning, which the JDK's HTTP client under the SDK's own transport cannot do. Each message is a POST; the answer is a
 * JSON body or an event stream, cut at a size limit; the session id the server gives is sent back, and the session is
 * ended with a DELETE on close. No stream is opened for server-initiated messages: a turn's call needs none.
 */
final class GuardedHttpTransport implements McpClientTransport {

    private static final Logger LOG = Logger.getLogger(GuardedHttpTransport.class.getName());
    private static final List<String> VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    private static final String LATEST = VERSIONS.get(VERSIONS.size() - 1);

    private final URI endpoint;
    private final CloseableHttpClient http;
    private final McpJsonMapper json;
    private final Map<String, String> headers;
    private final long maxResponseBytes;
    private final AtomicReference<Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>>> handler = new AtomicReference<>();
    private final Set<HttpUriRequestBase> inFlight = ConcurrentHashMap.newKeySet();
    private volatile String sessionId;
    /** A failed or aborted exchange: the session is not ended politely, as the server may not answer that either. */
    private volatile boolean broken;
    /** Aborted: a request that starts from now on is cancelled at once. */
    private volatile boolean aborted;

    /** @param headers sent with every request (the auth header); never logged */
    GuardedHttpTransport(URI endpoint, CloseableHttpClient http, McpJsonMapper json, Map<String, String> headers, long maxResponseBytes) {
        this.endpoint = endpoint;
        this.http = http;
        this.json = json;
        this.headers = Map.copyOf(headers);
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        this.handler.set(handler);
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.deferContextual(context -> Mono.<Void>fromRunnable(() -> post(message,
                context.getOrDefault(McpAsyncClient.NEGOTIATED_PROTOCOL_VERSION, LATEST))).subscribeOn(Schedulers.boundedElastic()));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public List<String> protocolVersions() {
        return VERSIONS;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.<Void>fromRunnable(this::close).subscribeOn(Schedulers.boundedElastic());
    }

    /** Ends what is in flight at once: a cancelled turn does not wait for the server. */
    void abort() {
        broken = true;
        aborted = true;
        inFlight.forEach(HttpUriRequestBase::cancel);
    }

    @Override
    public void close() {
        boolean endSession = !broken && sessionId != null;
        abort();
        aborted = false;
        try (CloseableHttpClient client = http) {
            if (endSession) {
                HttpDelete delete = new HttpDelete(endpoint);
                delete.setHeader(HttpHeaders.MCP_SESSION_ID, sessionId);
                headers.forEach(delete::setHeader);
                client.execute(delete, response -> null);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ending the MCP session at {0} failed: {1}", new Object[] {endpoint, e.getMessage()});
        }
    }

    private void post(McpSchema.JSONRPCMessage message, String protocolVersion) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.ACCEPT, "application/json, text/event-stream");
        post.setHeader(HttpHeaders.PROTOCOL_VERSION, protocolVersion);
        String session = sessionId;
        if (session != null) {
            post.setHeader(HttpHeaders.MCP_SESSION_ID, session);
        }
        headers.forEach(post::setHeader);
        inFlight.add(post);
        if (aborted) {
            post.cancel();
        }
        try {
            post.setEntity(new StringEntity(json.writeValueAsString(message), ContentType.APPLICATION_JSON));
            http.execute(post, response -> {
                answer(response, message);
                return null;
            });
        } catch (IOException e) {
            broken = true;
            throw new McpTransportException(post.isCancelled() ? "the call was cancelled"
                    : ServerUrlGuard.refusal(e).orElse("the MCP server could not be reached: " + e.getMessage()), e);
        } finally {
            inFlight.remove(post);
        }
    }

    private void answer(ClassicHttpResponse response, McpSchema.JSONRPCMessage sent) throws IOException {
        Header session = response.getFirstHeader(HttpHeaders.MCP_SESSION_ID);
        if (session != null) {
            sessionId = session.getValue();
        }
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status == 401 || status == 403) {
            EntityUtils.consume(entity);
            throw new McpTransportException("the MCP server refused the credentials (HTTP " + status + ")");
        }
        if (status >= 300) {
            EntityUtils.consume(entity);
            throw new McpTransportException("the MCP server answered HTTP " + status);
        }
        if (entity == null || status == 202) {
            EntityUtils.consume(entity);
            return;
        }
        String type = entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
        try (InputStream body = entity.getContent()) {
            if (type.contains("text/event-stream")) {
                events(body);
            } else if (type.contains("application/json")) {
                String text = bounded(body);
                if (!text.isBlank() && !(sent instanceof McpSchema.JSONRPCNotification)) {
                    deliver(text);
                }
            } else if (!bounded(body).isBlank()) {
                throw new McpTransportException("the MCP server answered with " + type + ", not JSON or an event stream");
            }
        }
    }

    /** Server-sent events: each event's data lines form one JSON-RPC message; events without data prime reconnection. */
    private void events(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        long read = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            read += line.length() + 1L;
            if (read > maxResponseBytes) {
                throw new McpTransportException("the MCP server's answer is larger than " + maxResponseBytes + " bytes");
            }
            if (line.isEmpty()) {
                dispatch(data);
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
        dispatch(data);
    }

    private void dispatch(StringBuilder data) {
        if (!data.toString().isBlank()) {
            deliver(data.toString());
        }
        data.setLength(0);
    }

    private String bounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
        if (bytes.length > maxResponseBytes) {
            throw new McpTransportException("the MCP server's answer is larger than " + maxResponseBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void deliver(String text) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | IllegalArgumentException e) {
            throw new McpTransportException("the MCP server sent something that is not a JSON-RPC message", e);
        }
        Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> receiver = handler.get();
        if (receiver != null) {
            receiver.apply(Mono.just(message)).subscribe(answer -> { }, failure -> LOG.log(Level.FINE, "MCP message handling failed", failure));
        }
    }
}
