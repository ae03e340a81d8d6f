package dev.fluxbase.ai.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A web server on loopback for http_get tests: data, redirects, a 2 MB body and a stall. */
public final class LocalWebServer implements AutoCloseable {

    /** What a request carried, to check that secrets were added. */
    public record Seen(String path, String query, String apiKeyHeader) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private LocalWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalWebServer start() {
        try {
            return new LocalWebServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-Api-Key")));
        switch (path) {
            case "/data" -> send(exchange, 200, "application/json", "{\"temp\": 21, \"unit\": \"C\"}");
            case "/redirect-away" -> redirect(exchange, "https://evil.example/x");
            case "/redirect-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
            case "/redirect-local" -> redirect(exchange, "/data");
            case "/big" -> big(exchange);
            case "/stall" -> stall(exchange);
            default -> send(exchange, 404, "text/plain", "not found");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Two megabytes, chunked, written until the client hangs up. */
    private void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "0123456789abcdef".repeat(1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 2 * 1024 * 1024 / chunk.length; i++) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException e) {
            // the client stopped reading at its cap
        }
    }

    private void stall(HttpExchange exchange) {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
