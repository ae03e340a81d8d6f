package dev.fluxbase.ai.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A real HTTP server on 127.0.0.1 that impersonates LLM providers on their wire formats: OpenAI
 * ({@code <prefix>/chat/completions}, {@code <prefix>/embeddings}), Azure OpenAI
 * ({@code /openai/deployments/{deployment}/...}), Ollama ({@code /api/chat}, {@code /api/embed}), Anthropic
 * ({@code /v1/messages}) and Gemini ({@code /v1beta/models/{model}:streamGenerateContent}); and Microsoft Entra ID's
 * token endpoint ({@code /{tenant}/oauth2/v2.0/token}, see {@link FakeEntraId}).
 *
 * <p>Chat requests of any dialect consume scripted {@link Reply replies} in FIFO order; an empty
 * queue answers 500 so that a test that forgot to script fails loudly. Embeddings are computed,
 * never scripted. Every request is recorded before it is answered, including rejected ones.
 */
public final class FakeLlmServer implements AutoCloseable {

    private static final String NO_REPLY = "fake provider: no scripted reply";
    private static final String JSON_CONTENT_TYPE = "application/json";
    private static final String AZURE_PREFIX = "/openai/deployments/";
    private static final Duration EXECUTOR_SHUTDOWN = Duration.ofSeconds(5);

    private enum Dialect { OPENAI, AZURE, OLLAMA, ANTHROPIC, GEMINI, ENTRA }

    private enum Operation { CHAT, EMBEDDINGS, TOKEN }

    private record Route(Dialect dialect, Operation operation) {

        static Route of(String method, String path) {
            if (!"POST".equals(method)) {
                return null;
            }
            Dialect openAi = path.startsWith(AZURE_PREFIX) ? Dialect.AZURE : Dialect.OPENAI;
            if (path.equals(AnthropicWire.PATH)) {
                return new Route(Dialect.ANTHROPIC, Operation.CHAT);
            } else if (GeminiWire.PATH.matcher(path).matches()) {
                return new Route(Dialect.GEMINI, Operation.CHAT);
            } else if (FakeEntraId.PATH.matcher(path).matches()) {
                return new Route(Dialect.ENTRA, Operation.TOKEN);
            } else if (path.equals("/api/chat")) {
                return new Route(Dialect.OLLAMA, Operation.CHAT);
            } else if (path.equals("/api/embed")) {
                return new Route(Dialect.OLLAMA, Operation.EMBEDDINGS);
            } else if (path.endsWith("/chat/completions")) {
                return new Route(openAi, Operation.CHAT);
            } else if (path.endsWith("/embeddings")) {
                return new Route(openAi, Operation.EMBEDDINGS);
            }
            return null;
        }
    }

    /**
     * Thrown out of the handler on purpose: the JDK server then closes the socket without the
     * terminating HTTP chunk, which is what a provider dropping the connection looks like.
     */
    private static final class ConnectionDropped extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped() {
            super("fake provider dropped the connection as scripted");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object monitor = new Object();
    private final List<RecordedRequest> recorded = new ArrayList<>(); // guarded by monitor
    private int awaitCursor; // guarded by monitor
    private int openStreams; // guarded by monitor
    private int heldReplies; // guarded by monitor
    private volatile String requiredApiKey;
    private final FakeEntraId entra = new FakeEntraId();
    private volatile CountDownLatch stallRelease = new CountDownLatch(1);
    private volatile CountDownLatch heldRelease = new CountDownLatch(1);

    private volatile Function<JsonObject, Reply> responder;

    private FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Unbounded, so that stalled or slow streams never hold up other requests.
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake LLM server", e);
        }
    }

    /** The deterministic embedding this server returns for {@code text}, L2-normalised. */
    public static float[] embed(String text, int dimensions) {
        return FakeEmbeddings.embed(text, dimensions);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}: the base URL for Ollama and Azure. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code baseUrl() + "/v1"}: the base URL an OpenAI client expects. */
    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    /**
     * Answers chat requests that find the queue empty with {@code responder}'s reply for the request body: for turns
     * running in parallel, whose requests arrive in no fixed order. Null turns it off.
     */
    public void respondWith(Function<JsonObject, Reply> responder) {
        this.responder = responder;
    }

    /** Appends replies to the FIFO queue shared by chat requests of all dialects. */
    public void enqueue(Reply... replies) {
        this.replies.addAll(List.of(replies));
    }

    /** Replies not consumed yet. */
    public int pendingReplies() {
        return replies.size();
    }

    /**
     * Clears replies, recorded requests, the await cursor and the required key, and ends stalled
     * streams, so one server can serve a whole test class.
     */
    public void reset() {
        replies.clear();
        responder = null;
        requiredApiKey = null;
        entra.reset();
        synchronized (monitor) {
            recorded.clear();
            awaitCursor = 0;
        }
        CountDownLatch released = stallRelease;
        stallRelease = new CountDownLatch(1);
        released.countDown();
        releaseHeld();
    }

    /** Requests waiting for {@link #releaseHeld()} with a {@link Reply#held() held} reply. */
    public int heldReplies() {
        synchronized (monitor) {
            return heldReplies;
        }
    }

    /**
     * Waits until exactly {@code expected} requests wait with a held reply.
     *
     * @throws AssertionError on timeout
     */
    public void awaitHeldReplies(int expected, Duration timeout) {
        synchronized (monitor) {
            awaitCondition(() -> heldReplies == expected, timeout, () -> heldReplies + " held replies instead of " + expected + " after " + timeout);
        }
    }

    /** Lets every held reply that is waiting now go on; replies held later wait for the next call. */
    public void releaseHeld() {
        CountDownLatch released = heldRelease;
        heldRelease = new CountDownLatch(1);
        released.countDown();
    }

    /**
     * From now on OpenAI requests need {@code Authorization: Bearer <key>}, Azure requests {@code api-key: <key>} (or a
     * token of {@link #entra()}), Anthropic's {@code x-api-key} and Gemini's {@code x-goog-api-key}, else each provider's
     * refusal (Gemini's is a 400) without consuming a reply; null turns the check off. Ollama has no authentication.
     */
    public void requireApiKey(String key) {
        this.requiredApiKey = key;
    }

    /** The Entra ID token endpoint this server plays, for Azure providers that sign in with client credentials. */
    public FakeEntraId entra() {
        return entra;
    }

    /** Snapshot of all recorded requests (chat and embeddings) in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (monitor) {
            return List.copyOf(recorded);
        }
    }

    /**
     * The next recorded request not yet returned by this method, waiting for it if needed.
     *
     * @throws AssertionError if none arrives within {@code timeout}
     */
    public RecordedRequest awaitRequest(Duration timeout) {
        synchronized (monitor) {
            awaitCondition(() -> awaitCursor < recorded.size(), timeout,
                    () -> "no request #" + (awaitCursor + 1) + " within " + timeout + "; received: " + describeRequests());
            return recorded.get(awaitCursor++);
        }
    }

    /** Streaming responses currently being sent, stalled ones included. */
    public int openStreams() {
        synchronized (monitor) {
            return openStreams;
        }
    }

    /**
     * Waits until exactly {@code expected} streams are open, e.g. 0 after the client under test
     * abandoned a stream: the fake notices at its next write, so use a {@link Reply#chunkDelay}
     * stream rather than a stalled one for that.
     *
     * @throws AssertionError on timeout
     */
    public void awaitOpenStreams(int expected, Duration timeout) {
        synchronized (monitor) {
            awaitCondition(() -> openStreams == expected, timeout,
                    () -> openStreams + " open streams instead of " + expected + " after " + timeout);
        }
    }

    /** Ends stalled streams, drops all connections and stops the threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stallRelease.countDown();
        heldRelease.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(EXECUTOR_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, record(exchange));
        } catch (RuntimeException | Error e) {
            // The JDK server leaves the client hanging on an Error; a broken fake must fail the test fast.
            e.printStackTrace();
            if (exchange.getResponseCode() != -1) {
                throw new ConnectionDropped();
            }
            sendJson(exchange, 500, OpenAiWire.error("fake provider failed: " + e, "server_error", null));
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        Route route = Route.of(request.method(), request.path());
        if (route == null) {
            sendJson(exchange, 404, OpenAiWire.error("fake provider: no route for " + request.method() + " "
                    + request.path(), "invalid_request_error", "not_found"));
        } else if (route.operation() == Operation.TOKEN) {
            FakeEntraId.Answer answer = entra.answer(request);
            sendJson(exchange, answer.status(), answer.body());
        } else if (!isAuthorised(route.dialect(), request)) {
            refuse(exchange, route.dialect());
        } else {
            answer(exchange, route, request);
        }
    }

    private void answer(HttpExchange exchange, Route route, RecordedRequest request) throws IOException {
        try {
            JsonObject json = request.json();
            if (route.operation() == Operation.EMBEDDINGS) {
                sendJson(exchange, 200, route.dialect() == Dialect.OLLAMA
                        ? OllamaWire.embed(json) : OpenAiWire.embeddings(json));
            } else {
                chat(exchange, route.dialect(), request.path(), json);
            }
        } catch (IllegalArgumentException | JsonException e) {
            // Only reached before the response started: rendering happens before anything is sent.
            sendJson(exchange, 400, error(route.dialect(), "fake provider: " + e.getMessage(), "invalid_request_error"));
        } catch (IllegalStateException e) {
            sendJson(exchange, 500, error(route.dialect(), "fake provider: " + e.getMessage(), "server_error"));
        }
    }

    private void chat(HttpExchange exchange, Dialect dialect, String path, JsonObject request) throws IOException {
        Reply reply = replies.poll();
        Function<JsonObject, Reply> fallback = responder;
        if (reply == null && fallback != null) {
            reply = fallback.apply(request);
        }
        if (reply == null) {
            sendJson(exchange, 500, error(dialect, NO_REPLY, "server_error"));
            return;
        }
        if (reply.isHeld()) {
            awaitHeldRelease();
        }
        reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        if (reply.isHttpError()) {
            String body = reply.errorBody();
            send(exchange, reply.status(), body.stripLeading().startsWith("{") ? JSON_CONTENT_TYPE : "text/plain", body);
        } else if (dialect == Dialect.ANTHROPIC) {
            AnthropicWire wire = new AnthropicWire(request);
            if (AnthropicWire.isStreaming(request)) {
                stream(exchange, reply, wire.stream(reply), OpenAiWire.SSE_CONTENT_TYPE);
            } else {
                respondWhole(exchange, reply, wire.completion(reply));
            }
        } else if (dialect == Dialect.GEMINI) {
            GeminiWire wire = new GeminiWire(path);
            if (GeminiWire.isStreaming(path)) {
                stream(exchange, reply, wire.stream(reply), OpenAiWire.SSE_CONTENT_TYPE);
            } else {
                respondWhole(exchange, reply, wire.completion(reply));
            }
        } else if (dialect == Dialect.OLLAMA) {
            OllamaWire wire = new OllamaWire(request);
            if (OllamaWire.isStreaming(request)) {
                stream(exchange, reply, wire.stream(reply), OllamaWire.NDJSON_CONTENT_TYPE);
            } else {
                respondWhole(exchange, reply, wire.completion(reply));
            }
        } else {
            OpenAiWire wire = new OpenAiWire(request, dialect == Dialect.AZURE);
            if (OpenAiWire.isStreaming(request)) {
                stream(exchange, reply, wire.stream(reply), OpenAiWire.SSE_CONTENT_TYPE);
            } else {
                respondWhole(exchange, reply, wire.completion(reply));
            }
        }
    }

    private static String error(Dialect dialect, String message, String type) {
        return switch (dialect) {
            case OLLAMA -> OllamaWire.error(message);
            case ANTHROPIC -> AnthropicWire.error(message, "server_error".equals(type) ? "api_error" : type);
            case GEMINI -> GeminiWire.error("server_error".equals(type) ? 500 : 400, message,
                    "server_error".equals(type) ? "INTERNAL" : "INVALID_ARGUMENT");
            default -> OpenAiWire.error(message, type, null);
        };
    }

    /** Each provider's answer to a wrong key: Google's is a 400. */
    private static void refuse(HttpExchange exchange, Dialect dialect) throws IOException {
        switch (dialect) {
            case ANTHROPIC -> sendJson(exchange, 401, AnthropicWire.error("invalid x-api-key", "authentication_error"));
            case GEMINI -> sendJson(exchange, 400, GeminiWire.invalidApiKey());
            default -> sendJson(exchange, 401, OpenAiWire.error("Incorrect API key provided", "invalid_request_error", "invalid_api_key"));
        }
    }

    /** A bearer token from the fake Entra ID always passes Azure; otherwise the required key, if any, must come. */
    private boolean isAuthorised(Dialect dialect, RecordedRequest request) {
        String key = requiredApiKey;
        if (dialect == Dialect.AZURE && entra.issued(request.header("authorization"))) {
            return true;
        }
        if (key == null) {
            return true;
        }
        return switch (dialect) {
            case OPENAI -> ("Bearer " + key).equals(request.header("authorization"));
            case AZURE -> key.equals(request.header("api-key"));
            case ANTHROPIC -> key.equals(request.header("x-api-key"));
            case GEMINI -> key.equals(request.header("x-goog-api-key"));
            case OLLAMA, ENTRA -> true;
        };
    }

    /** A non-streaming answer; an interruption here means the response never starts. */
    private void respondWhole(HttpExchange exchange, Reply reply, String body) throws IOException {
        switch (reply.interruption()) {
            case DISCONNECT -> throw new ConnectionDropped();
            case STALL -> awaitStallReleaseThenDrop();
            case NONE -> sendJson(exchange, 200, body);
        }
    }

    private void stream(HttpExchange exchange, Reply reply, StreamFrames frames, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        changeOpenStreams(+1);
        try {
            if (reply.interruption() == Reply.Interruption.NONE) {
                List<String> complete = frames.complete();
                exchange.sendResponseHeaders(200, reply.knownLength() ? length(complete) : 0); // 0: chunked
                writeFrames(exchange.getResponseBody(), complete, reply.chunkDelay());
                exchange.close(); // ends the response (a chunked one with its terminating chunk)
                return;
            }
            exchange.sendResponseHeaders(200, 0); // chunked, length unknown
            OutputStream body = exchange.getResponseBody();
            writeFrames(body, frames.cutAfter(reply.interruptAfter()), reply.chunkDelay());
            if (reply.interruption() == Reply.Interruption.STALL) {
                awaitStallReleaseThenDrop();
            }
            throw new ConnectionDropped();
        } finally {
            changeOpenStreams(-1);
        }
    }

    private static long length(List<String> frames) {
        return frames.stream().mapToLong(frame -> frame.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static void writeFrames(OutputStream body, List<String> frames, Duration delay) throws IOException {
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                pause(delay);
            }
            body.write(frames.get(i).getBytes(StandardCharsets.UTF_8));
            // One network chunk per frame: the client under test must cope with frames arriving separately.
            body.flush();
        }
    }

    private static void pause(Duration delay) throws ConnectionDropped {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) { // close() is shutting the threads down
            Thread.currentThread().interrupt();
            throw new ConnectionDropped();
        }
    }

    /**
     * The JDK server gives no access to the socket, so a stalled stream cannot notice that the
     * client went away; it waits for close() or reset() instead.
     */
    private void awaitStallReleaseThenDrop() throws ConnectionDropped {
        try {
            stallRelease.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ConnectionDropped();
    }

    private void awaitHeldRelease() throws ConnectionDropped {
        CountDownLatch release = heldRelease;
        changeHeldReplies(+1);
        try {
            release.await();
        } catch (InterruptedException e) { // close() is shutting the threads down
            Thread.currentThread().interrupt();
            throw new ConnectionDropped();
        } finally {
            changeHeldReplies(-1);
        }
    }

    private void changeHeldReplies(int delta) {
        synchronized (monitor) {
            heldReplies += delta;
            monitor.notifyAll();
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8), Instant.now(), exchange.getRemoteAddress().getPort());
        synchronized (monitor) {
            recorded.add(request);
            monitor.notifyAll();
        }
        return request;
    }

    private void changeOpenStreams(int delta) {
        synchronized (monitor) {
            openStreams += delta;
            monitor.notifyAll();
        }
    }

    /** Waits on the monitor, which the caller holds, until the condition holds or the timeout passes. */
    private void awaitCondition(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(failure.get());
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    private String describeRequests() {
        return recorded.stream().map(r -> r.method() + " " + r.path()).toList().toString();
    }

    private static void sendJson(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, JSON_CONTENT_TYPE, body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger sequence = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-llm-" + sequence.incrementAndGet());
            // A test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
