package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.azureFilterChunk;
import static dev.fluxbase.ai.providers.control.StreamFixtures.ollamaContent;
import static dev.fluxbase.ai.providers.control.StreamFixtures.ollamaDone;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiContent;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiFinish;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiRole;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiUsage;
import static dev.fluxbase.ai.providers.control.StreamFixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.StreamListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the provider layer costs per streamed delta, without the network: recorded streams of
 * {@value #DELTAS} deltas are parsed (1) on the calling thread, as the parsers alone, and (2) through
 * the whole layer a chat turn uses: reader thread, hand-over queue, deadlines, parser, retry wrapper.
 * (3) measures latency instead: deltas are written one at a time, {@value #PACE_MICROS} µs apart, into a
 * body that blocks like a socket, and the time from writing a delta to the listener receiving it is
 * taken, once with the parser reading the body on its own thread (the least any client could do) and
 * once through the whole layer, which adds the hand-over to the turn's thread.
 * Not part of the build (the name does not end in Test); run it as bench/providers/README.md says.
 */
class ProviderOverheadBenchmark {

    private static final int DELTAS = 20_000;
    private static final int WARMUPS = 5;
    private static final int RUNS = 9;
    private static final ExecutorService READERS = Executors.newCachedThreadPool();
    private static final CompletionRequest REQUEST = new CompletionRequest(List.of(ChatMessage.user("q")), List.of(), 10, null);

    @AfterAll
    static void stop() {
        READERS.shutdownNow();
    }

    private static byte[] openAiStream(boolean azure) {
        List<String> chunks = new ArrayList<>();
        if (azure) {
            chunks.add(azureFilterChunk());
        }
        chunks.add(openAiRole());
        for (int i = 0; i < DELTAS; i++) {
            chunks.add(openAiContent(" token" + i));
        }
        chunks.addAll(List.of(openAiFinish("stop"), openAiUsage(100, DELTAS), "[DONE]"));
        return sse(chunks).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ollamaStream() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < DELTAS; i++) {
            text.append(ollamaContent(" token" + i));
        }
        return text.append(ollamaDone(100, DELTAS)).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Nanoseconds per delta of each run after the warm-ups, sorted. */
    private static double[] measure(Runnable run) {
        for (int i = 0; i < WARMUPS; i++) {
            run.run();
        }
        double[] perDelta = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            run.run();
            perDelta[i] = (System.nanoTime() - started) / (double) DELTAS;
        }
        Arrays.sort(perDelta);
        return perDelta;
    }

    private static void report(String what, double[] perDelta) {
        System.out.printf("%-46s median %6.2f us/delta  (min %6.2f, max %6.2f)%n", what,
                perDelta[RUNS / 2] / 1000, perDelta[0] / 1000, perDelta[RUNS - 1] / 1000);
    }

    private static Runnable parseOnly(byte[] stream, Function<StreamListener, StreamParser> parser) {
        return () -> {
            int[] count = {0};
            try {
                CompletionResult result = StreamLines.parse(new ByteArrayInputStream(stream), parser.apply(d -> count[0]++));
                assertThat(result.usage().completionTokens()).isEqualTo(DELTAS);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(count[0]).isEqualTo(DELTAS);
        };
    }

    private static Runnable wholeLayer(byte[] stream, Function<StreamListener, StreamParser> parser) {
        StreamingCall call = new StreamingCall(READERS, new StreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        ChatProvider provider = new ChatProvider() {
            @Override
            public String name() {
                return "recorded";
            }

            @Override
            public String model() {
                return "recorded";
            }

            @Override
            public CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel) {
                return call.run(() -> new ByteArrayInputStream(stream), parser.apply(listener), cancel);
            }
        };
        ResilientProvider resilient = new ResilientProvider(List.of(provider), new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(10)),
                Pause.CANCELLABLE);
        return () -> {
            int[] count = {0};
            resilient.stream(REQUEST, d -> count[0]++, new CancelSignal());
            assertThat(count[0]).isEqualTo(DELTAS);
        };
    }

    private static final int PACED_DELTAS = 3_000;
    private static final int PACE_MICROS = 300;

    /** A body that blocks like a socket until the next delta is written; remembers when each was written. */
    private static final class PacedBody extends InputStream {
        final long[] written = new long[PACED_DELTAS];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int position;

        void writeAll(IntFunction<String> delta, String trailer) {
            for (int i = 0; i < PACED_DELTAS; i++) {
                LockSupport.parkNanos(PACE_MICROS * 1000L);
                written[i] = System.nanoTime();
                chunks.add(delta.apply(i).getBytes(StandardCharsets.UTF_8));
            }
            chunks.add(trailer.getBytes(StandardCharsets.UTF_8));
            chunks.add(new byte[0]);
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    return -1;
                }
                position = 0;
                if (current.length == 0) {
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }
    }

    /** Microseconds from writing each delta to the listener getting it: median and 99th percentile. */
    private static double[] pacedLatency(boolean wholeLayer) throws Exception {
        PacedBody body = new PacedBody();
        long[] received = new long[PACED_DELTAS];
        int[] next = {0};
        StreamListener listener = d -> received[next[0]++] = System.nanoTime();
        Thread writer = new Thread(() -> body.writeAll(i -> "data: " + openAiContent("t" + i) + "\n\n",
                "data: " + openAiUsage(1, 1) + "\n\ndata: [DONE]\n\n"));
        Future<?> reading;
        if (wholeLayer) {
            StreamingCall call = new StreamingCall(READERS, new StreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60)));
            reading = Executors.newSingleThreadExecutor().submit(() -> call.run(() -> body, new OpenAiStream(listener), new CancelSignal()));
        } else {
            reading = Executors.newSingleThreadExecutor().submit(() -> StreamLines.parse(body, new OpenAiStream(listener)));
        }
        writer.start();
        reading.get();
        writer.join();
        double[] micros = new double[PACED_DELTAS];
        for (int i = 0; i < PACED_DELTAS; i++) {
            micros[i] = (received[i] - body.written[i]) / 1000.0;
        }
        Arrays.sort(micros);
        return new double[] {micros[PACED_DELTAS / 2], micros[PACED_DELTAS * 99 / 100]};
    }

    @Test
    void pacedDeltaLatency() throws Exception {
        for (int i = 0; i < 3; i++) {
            pacedLatency(false);
            pacedLatency(true);
        }
        double[] direct = pacedLatency(false);
        double[] layer = pacedLatency(true);
        System.out.printf("%d deltas %d us apart: write-to-listener latency%n", PACED_DELTAS, PACE_MICROS);
        System.out.printf("%-46s median %6.1f us, p99 %7.1f us%n", "parser on the reading thread", direct[0], direct[1]);
        System.out.printf("%-46s median %6.1f us, p99 %7.1f us%n", "whole layer (reader thread -> turn thread)", layer[0], layer[1]);
    }

    @Test
    void perDeltaOverhead() {
        byte[] openAi = openAiStream(false);
        byte[] azure = openAiStream(true);
        byte[] ollama = ollamaStream();
        System.out.printf("%d deltas per stream, %d warm-ups, %d measured runs, Java %s, %d cores%n", DELTAS, WARMUPS, RUNS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        report("OpenAI SSE, parser only", measure(parseOnly(openAi, OpenAiStream::new)));
        report("Azure SSE, parser only", measure(parseOnly(azure, OpenAiStream::new)));
        report("Ollama NDJSON, parser only", measure(parseOnly(ollama, OllamaStream::new)));
        report("OpenAI SSE, whole layer (thread, queue, retry)", measure(wholeLayer(openAi, OpenAiStream::new)));
        report("Azure SSE, whole layer", measure(wholeLayer(azure, OpenAiStream::new)));
        report("Ollama NDJSON, whole layer", measure(wholeLayer(ollama, OllamaStream::new)));
    }
}
