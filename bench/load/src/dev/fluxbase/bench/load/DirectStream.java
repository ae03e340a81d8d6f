package dev.fluxbase.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: the same question sent straight to the fake provider, and its SSE stream read line by
 * line, with the same checks as a chat turn. What the server adds is the chat's figures minus these.
 * For a turn with a tool call, the same two requests in sequence: the question, whose answer is the
 * call, then the question with the call and a result of the same size as the server's, whose answer is
 * streamed.
 */
final class DirectStream {

    private final HttpClient client;
    private final URI completions;
    private final Probes probes;

    DirectStream(HttpClient client, String baseUrl, Probes probes) {
        this.client = client;
        this.completions = URI.create(baseUrl + "/chat/completions");
        this.probes = probes;
    }

    CompletableFuture<Boolean> turn(Recorder recorder, int scripted) {
        Probes.Probe probe = probes.next();
        Lines lines = new Lines(recorder, probe, scripted);
        probe.sent = System.nanoTime();
        return client.sendAsync(request(messages(probe), ""), HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                .thenCompose(response -> lines.end);
    }

    /**
     * A turn with one tool call: the question (offering execute_sql), the call read whole from its stream, then the
     * question with the call and {@code toolResult}, whose answer is read as {@link #turn} reads one.
     */
    CompletableFuture<Boolean> toolTurn(Recorder recorder, int scripted, String toolResult) {
        Probes.Probe probe = probes.next();
        String messages = messages(probe);
        probe.sent = System.nanoTime();
        return client.sendAsync(request(messages, TOOLS), HttpResponse.BodyHandlers.ofString()).thenCompose(called -> {
            Matcher id = CALL_ID.matcher(called.body());
            if (!id.find()) {
                probes.close(probe);
                recorder.error("DIRECT_NO_TOOL_CALL");
                return CompletableFuture.completedFuture(false);
            }
            String withResult = messages + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"" + id.group(1) + "\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"execute_sql\",\"arguments\":" + JsonText.quote(arguments(called.body())) + "}}]},"
                    + "{\"role\":\"tool\",\"content\":" + JsonText.quote(toolResult) + ",\"tool_call_id\":\"" + id.group(1) + "\"}";
            Lines lines = new Lines(recorder, probe, scripted);
            return client.sendAsync(request(withResult, TOOLS), HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                    .thenCompose(response -> lines.end);
        });
    }

    private static final Pattern CALL_ID = Pattern.compile("\"id\":\"(call_[^\"]+)\"");

    /** The tools a request offers: execute_sql, as the server describes it. */
    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"execute_sql\",\"description\":"
            + "\"Run one PostgreSQL query against the database with the current user's permissions. Returns a summary and sample rows; "
            + "the user sees the full result.\",\"parameters\":{\"type\":\"object\",\"properties\":{\"sql\":{\"type\":\"string\","
            + "\"description\":\"One SQL statement\"},\"description\":{\"type\":\"string\",\"description\":\"A short description of "
            + "what the query finds, shown to the user\"}},\"required\":[\"sql\"]}}}]";

    private static String messages(Probes.Probe probe) {
        return "{\"role\":\"system\",\"content\":\"You answer briefly.\"},{\"role\":\"user\",\"content\":\"Question "
                + Probes.marker(probe) + "\"}";
    }

    private HttpRequest request(String messages, String tools) {
        String body = "{\"model\":\"gpt-bench\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":["
                + messages + "]" + tools + "}";
        return HttpRequest.newBuilder(completions)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The tool call's arguments: its fragments joined, in the order they came. */
    private static String arguments(String stream) {
        StringBuilder arguments = new StringBuilder();
        for (String line : stream.split("\n")) {
            String fragment = line.startsWith("data: {") ? JsonText.stringAfter(line, "\"arguments\":", 0) : null;
            if (fragment != null) {
                arguments.append(fragment);
            }
        }
        return arguments.toString();
    }

    /** Reads one stream; completes when it ends. */
    private final class Lines implements Flow.Subscriber<String> {
        private final Recorder recorder;
        private final Probes.Probe probe;
        private final int scripted;
        private final CompletableFuture<Boolean> end = new CompletableFuture<>();
        private int expected;
        private int received;
        private long firstDeltaAt;
        private long lastDeltaAt;

        Lines(Recorder recorder, Probes.Probe probe, int scripted) {
            this.recorder = recorder;
            this.probe = probe;
            this.scripted = scripted;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith("data: {")) {
                String text = Chat.field(line, "content");
                if (!text.isEmpty()) {
                    expected = recorder.delta(probe.turn, expected, text, now);
                    if (received++ == 0) {
                        firstDeltaAt = now;
                    }
                    lastDeltaAt = now;
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            probes.close(probe);
            recorder.error("DIRECT_STREAM_FAILED");
            end.complete(false);
        }

        @Override
        public void onComplete() {
            recorder.turnEnded(probe, received, scripted, System.nanoTime(), firstDeltaAt, lastDeltaAt);
            probes.close(probe);
            end.complete(true);
        }
    }
}
