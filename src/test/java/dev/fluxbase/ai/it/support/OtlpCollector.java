package dev.fluxbase.ai.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Receives OTLP/HTTP exports of traces ({@code POST /v1/traces}) and metrics ({@code POST /v1/metrics}),
 * protobuf, and keeps their bodies; they are decoded with OpenTelemetry's own protocol classes.
 */
public final class OtlpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> traces = new CopyOnWriteArrayList<>();
    private final List<byte[]> metrics = new CopyOnWriteArrayList<>();

    private OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> receive(exchange, traces));
        server.createContext("/v1/metrics", exchange -> receive(exchange, metrics));
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

    /** Every span exported so far. */
    public List<Span> spans() {
        return traces.stream().map(OtlpCollector::traceRequest)
                .flatMap(request -> request.getResourceSpansList().stream())
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream()).toList();
    }

    /** Every metric of every export so far (a metric is exported again at each interval). */
    public List<Metric> metrics() {
        return metrics.stream().map(OtlpCollector::metricsRequest)
                .flatMap(request -> request.getResourceMetricsList().stream())
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream()).toList();
    }

    /** Attributes as key to value text (arrays as their values joined by commas). */
    public static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(kv -> map.put(kv.getKey(), text(kv.getValue())));
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpCollector::text).collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    private static ExportTraceServiceRequest traceRequest(byte[] body) {
        try {
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExportMetricsServiceRequest metricsRequest(byte[] body) {
        try {
            return ExportMetricsServiceRequest.parseFrom(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void receive(HttpExchange exchange, List<byte[]> into) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            into.add(body.readAllBytes());
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
