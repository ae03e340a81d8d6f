package dev.fluxbase.ai.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Receives OTLP/HTTP trace exports ({@code POST /v1/traces}, protobuf) and keeps their bodies. It does
 * not decode protobuf: span names and string attributes are UTF-8 inside it, which is enough to check
 * that spans of a given name and conversation were exported.
 */
public final class OtlpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    public static OtlpCollector start() {
        try {
            return new OtlpCollector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Everything exported so far, as text (binary framing included). */
    public String received() {
        StringBuilder text = new StringBuilder();
        exports.forEach(body -> text.append(new String(body, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            exports.add(body.readAllBytes());
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
