package dev.fluxbase.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The baseline: the same question sent straight to the fake provider, and its SSE stream read line by
 * line, with the same checks as a chat turn. What the server adds is the chat's figures minus these.
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
        String body = "{\"model\":\"gpt-bench\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"You answer briefly.\"},"
                + "{\"role\":\"user\",\"content\":\"Question " + Probes.marker(probe) + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(completions)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Lines lines = new Lines(recorder, probe, scripted);
        probe.sent = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                .thenCompose(response -> lines.end);
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
