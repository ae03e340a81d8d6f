package dev.fluxbase.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast OpenAI-compatible provider: every chat completion streams {@code deltas} content chunks over
 * SSE, {@code interval} apart. Each delta's text is {@code <turn>.<seq>.<nanoTime at write> }, so the
 * client can tell the delay, the order and any loss. Streams are written by a few scheduler threads,
 * not one thread each, so that 5,000 open streams cost the fake little.
 */
final class FakeProvider implements AutoCloseable {

    /** What each completion streams. */
    record Script(int deltas, long intervalNanos) {
    }

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(16, Threads.daemon("fake-provider"));
    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(2, Threads.daemon("fake-writer"));
    private final Probes probes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withTable = new AtomicLong();
    private final AtomicLong withSqlTool = new AtomicLong();
    private volatile Script script = new Script(20, 0);

    private FakeProvider(Probes probes) throws IOException {
        this.probes = probes;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(handlers);
        server.start();
    }

    static FakeProvider start(Probes probes) throws IOException {
        return new FakeProvider(probes);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void script(Script script) {
        this.script = script;
    }

    Script script() {
        return script;
    }

    long requests() {
        return requests.get();
    }

    /** Requests whose system prompt describes the bench SQL chatbot's {@code products} table. */
    long requestsWithTable() {
        return withTable.get();
    }

    /** Requests that offer the {@code execute_sql} tool. */
    long requestsWithSqlTool() {
        return withSqlTool.get();
    }

    private void complete(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long turn = Probes.turnOf(body);
        probes.providerReceived(turn, received);
        requests.incrementAndGet();
        if (body.contains("### public.products")) {
            withTable.incrementAndGet();
        }
        if (body.contains("\"execute_sql\"")) {
            withSqlTool.incrementAndGet();
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange, turn, script);
        stream.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        if (script.intervalNanos() == 0) {
            while (stream.next()) {
                // back to back
            }
        } else {
            writers.schedule(stream::scheduled, script.intervalNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** One response being streamed. */
    private final class Stream {
        private final HttpExchange exchange;
        private final OutputStream out;
        private final long turn;
        private final Script script;
        private int seq;

        Stream(HttpExchange exchange, long turn, Script script) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
            this.turn = turn;
            this.script = script;
        }

        void scheduled() {
            if (next()) {
                writers.schedule(this::scheduled, script.intervalNanos(), TimeUnit.NANOSECONDS);
            }
        }

        /** Writes the next delta, or the end; false when the stream is over. */
        boolean next() {
            try {
                if (seq < script.deltas()) {
                    String text = turn + "." + seq++ + "." + System.nanoTime() + " ";
                    write(chunk("{\"content\":\"" + text + "\"}", "null"));
                    return true;
                }
                write(chunk("{}", "\"stop\""));
                write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-bench\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":" + script.deltas()
                        + ",\"total_tokens\":" + (50 + script.deltas()) + "}}\n\n").getBytes(StandardCharsets.US_ASCII));
                write(DONE);
            } catch (IOException e) {
                // the server went away (a cancelled turn): nothing to finish
            }
            exchange.close();
            return false;
        }

        void write(String event) throws IOException {
            write(event.getBytes(StandardCharsets.UTF_8));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-bench\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
        writers.shutdownNow();
        handlers.shutdownNow();
    }
}
