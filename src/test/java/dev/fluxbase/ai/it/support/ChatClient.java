package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of the chat protocol that records every frame it receives. */
public final class ChatClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static ChatClient connect(URI uri) {
        return new ChatClient(uri, Map.of());
    }

    /** Fails with the handshake's error when the server refuses the upgrade. */
    public static ChatClient connect(URI uri, Map<String, String> headers) {
        return new ChatClient(uri, headers);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(JsonObject frame) {
        send(frame.toString());
    }

    /**
     * Sends a message the server may close the socket in the middle of (this client sends text in frames of
     * 16 KB); a send cut short is no failure.
     */
    public void sendCutShort(String text) {
        socket.sendText(text, true).exceptionally(e -> null).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).exceptionally(e -> null).join();
    }

    /** The close code the server sent, waiting for it. */
    public int awaitCloseCode() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends start_chat and returns the conversation id of the chat_started answer. */
    public String startChat(String chatbot, String namespace) {
        send(Json.createObjectBuilder().add("type", "start_chat").add("chatbot", chatbot).add("namespace", namespace).build());
        JsonObject started = next();
        if (!"chat_started".equals(started.getString("type"))) {
            throw new AssertionError("expected chat_started, got " + started);
        }
        return started.getString("conversation_id");
    }

    public void message(String conversationId, String content) {
        send(Json.createObjectBuilder().add("type", "message").add("conversation_id", conversationId).add("content", content).build());
    }

    public JsonObject next() {
        return next(TIMEOUT);
    }

    /** The next frame, waiting at most {@code patience} for it. */
    public JsonObject next(Duration patience) {
        try {
            JsonObject frame = frames.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + patience.toSeconds() + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame up to and including the first one that matches. */
    public List<JsonObject> until(Predicate<JsonObject> last) {
        return until(last, TIMEOUT);
    }

    /** Every frame up to and including the first one that matches, waiting at most {@code patience} for each. */
    public List<JsonObject> until(Predicate<JsonObject> last, Duration patience) {
        List<JsonObject> received = new ArrayList<>();
        JsonObject frame;
        do {
            frame = next(patience);
            received.add(frame);
        } while (!last.test(frame));
        return received;
    }

    /** Every frame of a turn: up to its done, error or cancelled. */
    public List<JsonObject> turn(String conversationId) {
        return turn(conversationId, TIMEOUT);
    }

    /** Every frame of a turn, for turns whose steps may each take longer than {@link #TIMEOUT}. */
    public List<JsonObject> turn(String conversationId, Duration patience) {
        return until(f -> conversationId.equals(f.getString("conversation_id", null))
                && List.of("done", "error", "cancelled").contains(f.getString("type")), patience);
    }

    /** Sends start_chat and returns the answer, whatever it is. */
    public JsonObject startChatAnswer(JsonObject startChat) {
        send(startChat);
        return next();
    }

    /** No frame arrives within the given time (for asserting that nothing follows a terminal frame). */
    public void assertSilentFor(Duration quiet) {
        try {
            JsonObject frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (frame != null) {
                throw new AssertionError("unexpected frame: " + frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
