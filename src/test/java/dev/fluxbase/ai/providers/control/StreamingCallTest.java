package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiContent;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingCallTest {

    private static final Duration FIRST_TOKEN = Duration.ofMillis(400);
    private static final Duration IDLE = Duration.ofMillis(300);

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final StreamingCall call = new StreamingCall(readers, new StreamTimeouts(Duration.ofSeconds(1), FIRST_TOKEN, IDLE));
    private final List<String> deltas = new ArrayList<>();
    private final Feed feed = new Feed();

    @AfterEach
    void stop() {
        feed.end();
        readers.shutdownNow();
    }

    /** A response body that hands out what the test feeds it and blocks in between, like a socket. */
    private static final class Feed extends InputStream {
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private byte[] current = new byte[0];
        private int position;

        void send(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        void end() {
            chunks.add(new byte[0]);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Like a socket: blocks until something arrived, then returns only that. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
                position = 0;
                if (current.length == 0) {
                    chunks.add(current);
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() {
            closed.countDown();
        }

        boolean isClosed() {
            return closed.getCount() == 0;
        }

        boolean awaitClosed() throws InterruptedException {
            return closed.await(30, TimeUnit.SECONDS);
        }
    }

    private CompletionResult run(ResponseLines.Opener opener, CancelSignal cancel) {
        return call.run(opener, new OpenAiStream(deltas::add), cancel);
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void readsAStreamToTheEnd() {
        feed.send("data: " + openAiContent("a") + "\n\ndata: " + openAiContent("b") + "\n\ndata: [DONE]\n\n");
        feed.end();
        assertThat(run(() -> feed, new CancelSignal()).content()).isEqualTo("ab");
        assertThat(deltas).containsExactly("a", "b");
    }

    @Test
    void theResponseIsClosedBeforeTheAnswerIsHandedOverSoThatItsConnectionCanServeTheNextTurn() {
        feed.send("data: " + openAiContent("a") + "\n\ndata: [DONE]\n\n");
        feed.end();
        CompletionResult result = run(() -> feed, new CancelSignal());

        assertThat(feed.isClosed()).isTrue();
        assertThat(result.content()).isEqualTo("a");
    }

    @Test
    void headersAndRoleChunksDoNotCountAsTheFirstToken() throws InterruptedException {
        feed.send("data: " + openAiRole() + "\n\n");
        long started = System.nanoTime();
        assertThatThrownBy(() -> run(() -> feed, new CancelSignal()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
                    assertThat(e.code()).isEqualTo("PROVIDER_ERROR");
                    assertThat(e.getMessage()).isEqualTo("Provider timed out waiting for the first token (0.4 s)");
                });
        assertThat(millisSince(started)).isBetween(350L, 2000L);
        feed.send("data: late\n\n");
        assertThat(feed.awaitClosed()).as("the abandoned reader closes the body").isTrue();
    }

    @Test
    void aProviderThatNeverAnswersTimesOutToo() {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> run(() -> {
            never.await();
            return feed;
        }, new CancelSignal())).hasMessageContaining("first token");
        assertThat(millisSince(started)).isBetween(350L, 2000L);
    }

    @Test
    void silenceAfterTheFirstTokenIsTheIdleTimeout() {
        feed.send("data: " + openAiContent("a") + "\n\n");
        long started = System.nanoTime();
        assertThatThrownBy(() -> run(() -> feed, new CancelSignal()))
                .hasMessage("Provider stopped streaming: no data for 0.3 s");
        assertThat(millisSince(started)).isBetween(250L, 2000L);
        assertThat(deltas).containsExactly("a");
    }

    @Test
    void aSlowButSteadyStreamIsNotCutOff() throws InterruptedException {
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    feed.send("data: " + openAiContent(String.valueOf(i)) + "\n\n");
                    Thread.sleep(150);
                }
                feed.send("data: [DONE]\n\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertThat(run(() -> feed, new CancelSignal()).content()).isEqualTo("01234");
        writer.join();
    }

    /** With deadlines far off, only the cancel can end the call early: a bound well below them needs no precise timing. */
    @Test
    void aCancelWhileTheProviderIsSilentEndsAtOnce() throws InterruptedException {
        StreamingCall patient = new StreamingCall(readers, new StreamTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        CancelSignal cancel = new CancelSignal();
        feed.send("data: " + openAiContent("a") + "\n\n");
        Executors.newSingleThreadScheduledExecutor().schedule(cancel::cancel, 100, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        assertThatThrownBy(() -> patient.run(() -> feed, new OpenAiStream(deltas::add),
                cancel)).isInstanceOf(TurnCancelled.class);
        assertThat(millisSince(started)).isLessThan(10_000L);
        feed.send("\n");
        assertThat(feed.awaitClosed()).isTrue();
    }

    @Test
    void afterACancelTheListenerHearsNothingMore() throws InterruptedException {
        CancelSignal cancel = new CancelSignal();
        feed.send("data: " + openAiContent("a") + "\n\n");
        Executors.newSingleThreadScheduledExecutor().schedule(cancel::cancel, 100, TimeUnit.MILLISECONDS);
        assertThatThrownBy(() -> run(() -> feed, cancel)).isInstanceOf(TurnCancelled.class);

        feed.send("data: " + openAiContent("b") + "\n\ndata: [DONE]\n\n");

        assertThat(feed.awaitClosed()).as("the abandoned reader closes the body").isTrue();
        assertThat(deltas).containsExactly("a");
    }

    @Test
    void deltasGoToTheListenerFromTheReadingThreadAndItsFailureReachesTheTurnAsItIs() {
        Thread turn = Thread.currentThread();
        List<Thread> deliveredOn = new ArrayList<>();
        UncheckedIOException clientGone = new UncheckedIOException(new IOException("the chat socket is closed"));
        feed.send("data: " + openAiContent("a") + "\n\ndata: " + openAiContent("b") + "\n\n");

        assertThatThrownBy(() -> call.run(() -> feed, new OpenAiStream(delta -> {
            deliveredOn.add(Thread.currentThread());
            if (delta.equals("b")) {
                throw clientGone;
            }
        }), new CancelSignal())).isSameAs(clientGone);
        assertThat(deliveredOn).hasSize(2).doesNotContain(turn);
    }

    @Test
    void failuresOfTheConnectionAndTheStreamAreTold() {
        assertThatThrownBy(() -> run(() -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }, new CancelSignal())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE);
            assertThat(e.getMessage()).isEqualTo("Provider unreachable: ConnectException: Connection refused");
        });
        ProviderException status = ProviderException.forStatus(401, "");
        assertThatThrownBy(() -> run(() -> {
            throw status;
        }, new CancelSignal())).isSameAs(status);
        assertThatThrownBy(() -> run(() -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Premature EOF");
            }
        }, new CancelSignal())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.BROKEN_STREAM);
            assertThat(e.getMessage()).isEqualTo("Provider stream failed: IOException: Premature EOF");
        });
    }

    @Test
    void aStreamThatEndsEarlyIsBroken() {
        feed.send("data: " + openAiContent("a") + "\n\n");
        feed.end();
        assertThatThrownBy(() -> run(() -> feed, new CancelSignal())).hasMessage("Provider stream ended unexpectedly");
    }

    @Test
    void anAlreadyCancelledTurnNeverCallsTheProvider() {
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();
        assertThatThrownBy(() -> run(() -> {
            throw new AssertionError("called");
        }, cancel)).isInstanceOf(TurnCancelled.class);
    }
}
