package dev.fluxbase.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast OpenAI-compatible provider: every chat completion streams {@code deltas} content chunks over
 * SSE, {@code interval} apart. Each delta's text is {@code <turn>.<seq>.<nanoTime at write> }, so the
 * client can tell the delay, the order and any loss. Streams are written by a few scheduler threads,
 * not one thread each, so that 5,000 open streams cost the fake little. With a tool call in its script,
 * the fake answers a turn's first request with an {@code execute_sql} call (its arguments streamed in
 * fragments, {@code interval} apart, as OpenAI streams them) and the request that carries its result with
 * the deltas, after reading what the result holds ({@link ToolQuery}).
 */
final class FakeProvider implements AutoCloseable {

    /**
     * What each completion streams.
     *
     * @param toolCall the fragments of the arguments of the {@code execute_sql} call that answers a turn's first
     *        request; empty: every request is answered with the deltas
     */
    record Script(int deltas, long intervalNanos, List<String> toolCall) {
        Script(int deltas, long intervalNanos) {
            this(deltas, intervalNanos, List.of());
        }
    }

    /** The id of the tool call the fake makes in a turn: its result names it. */
    static String callId(long turn) {
        return "call_bench" + turn;
    }

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(16, Threads.daemon("fake-provider"));
    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(2, Threads.daemon("fake-writer"));
    private final Probes probes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withTable = new AtomicLong();
    private final AtomicLong withSqlTool = new AtomicLong();
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicLong toolResults = new AtomicLong();
    private final AtomicLong toolResultsClear = new AtomicLong();
    private final AtomicLong toolResultsMasked = new AtomicLong();
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

    /** Execute_sql calls the fake made. */
    long toolCalls() {
        return toolCalls.get();
    }

    /** Requests that carried the result of the turn's tool call. */
    long toolResults() {
        return toolResults.get();
    }

    /** Of those, results with every row of {@link ToolQuery} and its emails in clear. */
    long toolResultsClear() {
        return toolResultsClear.get();
    }

    /** Of those, results with every row of {@link ToolQuery} and its emails as pseudonyms only. */
    long toolResultsMasked() {
        return toolResultsMasked.get();
    }

    private void complete(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long turn = Probes.turnOf(body);
        requests.incrementAndGet();
        if (body.contains("### public.products")) {
            withTable.incrementAndGet();
        }
        if (body.contains("\"execute_sql\"")) {
            withSqlTool.incrementAndGet();
        }
        Script current = script;
        String toolResult = toolResult(body, turn);
        if (toolResult == null) {
            probes.providerReceived(turn, received);
        } else {
            probes.toolResultReceived(turn, received);
            check(toolResult);
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = toolResult == null && !current.toolCall().isEmpty() ? new ToolCallStream(exchange, turn, current)
                : new DeltaStream(exchange, turn, current);
        stream.write(stream.opening());
        if (current.intervalNanos() == 0) {
            while (stream.next()) {
                // back to back
            }
        } else {
            writers.schedule(stream::scheduled, current.intervalNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The content of the tool message that answers the turn's call, or null when the request carries no tool message
     * (a turn's first request: the history holds questions and answers only); empty when it answers another call.
     */
    static String toolResult(String body, long turn) {
        if (!body.contains(TOOL_ROLE)) {
            return null;
        }
        int id = body.lastIndexOf("\"tool_call_id\":\"" + callId(turn) + "\"");
        int role = id < 0 ? -1 : body.lastIndexOf(TOOL_ROLE, id);
        String content = role < 0 ? null : JsonText.stringAfter(body, "\"content\":", role);
        return content == null ? "" : content;
    }

    private static final String TOOL_ROLE = "\"role\":\"tool\"";

    private void check(String toolResult) {
        toolResults.incrementAndGet();
        ToolQuery.Reading reading = ToolQuery.read(toolResult);
        if (reading.complete(false)) {
            toolResultsClear.incrementAndGet();
        } else if (reading.complete(true)) {
            toolResultsMasked.incrementAndGet();
        }
    }

    /** One response being streamed: its opening chunk, then its parts {@code interval} apart, then its end. */
    private abstract class Stream {
        private final HttpExchange exchange;
        private final OutputStream out;
        final long turn;
        final Script script;
        private int seq;

        Stream(HttpExchange exchange, long turn, Script script) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
            this.turn = turn;
            this.script = script;
        }

        abstract String opening();

        abstract int parts();

        abstract String part(int seq);

        abstract String finishReason();

        /** The stream is complete but for its end. */
        void ending() {
        }

        void scheduled() {
            if (next()) {
                writers.schedule(this::scheduled, script.intervalNanos(), TimeUnit.NANOSECONDS);
            }
        }

        /** Writes the next delta, or the end; false when the stream is over. */
        boolean next() {
            try {
                if (seq < parts()) {
                    write(part(seq++));
                    return true;
                }
                ending();
                write(chunk("{}", "\"" + finishReason() + "\""));
                write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-bench\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":" + parts()
                        + ",\"total_tokens\":" + (50 + parts()) + "}}\n\n").getBytes(StandardCharsets.US_ASCII));
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

    /** The answer: {@code deltas} content chunks, each {@code <turn>.<seq>.<nanoTime at write> }. */
    private final class DeltaStream extends Stream {
        DeltaStream(HttpExchange exchange, long turn, Script script) {
            super(exchange, turn, script);
        }

        @Override
        String opening() {
            return chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
        }

        @Override
        int parts() {
            return script.deltas();
        }

        @Override
        String part(int seq) {
            return chunk("{\"content\":\"" + turn + "." + seq + "." + System.nanoTime() + " \"}", "null");
        }

        @Override
        String finishReason() {
            return "stop";
        }
    }

    /** An execute_sql call as OpenAI streams one: its id and name first, then its arguments in fragments. */
    private final class ToolCallStream extends Stream {
        ToolCallStream(HttpExchange exchange, long turn, Script script) {
            super(exchange, turn, script);
            toolCalls.incrementAndGet();
        }

        @Override
        String opening() {
            return chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + callId(turn)
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"execute_sql\",\"arguments\":\"\"}}]}", "null");
        }

        @Override
        int parts() {
            return script.toolCall().size();
        }

        @Override
        String part(int seq) {
            return chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + JsonText.quote(script.toolCall().get(seq)) + "}}]}",
                    "null");
        }

        @Override
        String finishReason() {
            return "tool_calls";
        }

        @Override
        void ending() {
            probes.toolCallEnded(turn, System.nanoTime());
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
