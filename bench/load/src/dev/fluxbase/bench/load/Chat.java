package dev.fluxbase.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * One client socket to {@code /ai/ws} with one conversation at a time: sends a question, checks the
 * {@code content} frames against what the fake provider sent, and completes the turn on {@code done}
 * or {@code error}. A fresh conversation is started every {@link #TURNS_PER_CONVERSATION} turns so
 * that the history sent to the provider stays the size of a short real chat.
 */
final class Chat implements WebSocket.Listener {

    /** Turns that ended with {@code done} or {@code error}, on every socket of the bench, warm-ups included. */
    static final AtomicLong ENDED = new AtomicLong();
    /** Of those, turns refused because the database was unavailable: their booking may have failed too. */
    static final AtomicLong DATABASE_UNAVAILABLE = new AtomicLong();

    private static final int TURNS_PER_CONVERSATION = 10;

    private final Probes probes;
    private final String chatbot;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile boolean closing;
    private volatile Recorder recorder = new Recorder();

    // Turn state: touched by the caller before the message is sent, then only by the listener.
    private volatile CompletableFuture<String> started;
    private volatile CompletableFuture<Boolean> turnEnd;
    private volatile Probes.Probe probe;
    private int scripted;
    private Predicate<String> rowsCheck;
    private boolean rowsShown;
    private int expected;
    private int received;
    private long firstDeltaAt;
    private long lastDeltaAt;
    private String conversationId;
    private int turnsInConversation;

    private Chat(Probes probes, String chatbot) {
        this.probes = probes;
        this.chatbot = chatbot;
    }

    /** A socket whose conversations are with {@code chatbot} (namespace default). */
    static CompletableFuture<Chat> open(HttpClient client, URI socketUri, String token, Probes probes, String chatbot) {
        Chat chat = new Chat(probes, chatbot);
        return client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(60))
                .buildAsync(URI.create(socketUri + "?token=" + token), chat)
                .thenApply(socket -> {
                    chat.socket = socket;
                    return chat;
                });
    }

    /** Starts a conversation with this socket's chatbot; completes with its id. */
    CompletableFuture<String> start() {
        CompletableFuture<String> ready = new CompletableFuture<>();
        started = ready;
        send("{\"type\":\"start_chat\",\"chatbot\":\"" + chatbot + "\",\"namespace\":\"default\"}");
        return ready.thenApply(id -> {
            conversationId = id;
            turnsInConversation = 0;
            return id;
        });
    }

    /** One question and its streamed answer; true when it ended with {@code done}. */
    CompletableFuture<Boolean> turn(Recorder into, int scriptedDeltas) {
        return turn(into, scriptedDeltas, null);
    }

    /**
     * As {@link #turn(Recorder, int)}, for a turn whose answer must show the client rows: a {@code query_result} frame
     * that {@code rows} accepts (null: no rows expected). The recorder counts the turns that ended without one.
     */
    CompletableFuture<Boolean> turn(Recorder into, int scriptedDeltas, Predicate<String> rows) {
        if (conversationId == null || turnsInConversation >= TURNS_PER_CONVERSATION) {
            return start().thenCompose(id -> turn(into, scriptedDeltas, rows));
        }
        recorder = into;
        scripted = scriptedDeltas;
        rowsCheck = rows;
        rowsShown = false;
        expected = 0;
        received = 0;
        turnsInConversation++;
        CompletableFuture<Boolean> end = new CompletableFuture<>();
        turnEnd = end;
        Probes.Probe next = probes.next();
        probe = next;
        String message = "{\"type\":\"message\",\"conversation_id\":\"" + conversationId + "\",\"content\":\"Question "
                + Probes.marker(next) + "\"}";
        next.sent = System.nanoTime();
        send(message);
        return end;
    }

    private synchronized void send(String text) {
        sending = sending.handle((v, e) -> null).thenCompose(v -> socket.sendText(text, true));
    }

    boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    void close() {
        closing = true;
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        } catch (RuntimeException e) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String frame = partial.toString();
            partial.setLength(0);
            frame(frame, now);
        }
        webSocket.request(1);
        return null;
    }

    private void frame(String frame, long now) {
        switch (field(frame, "type")) {
            case "content" -> {
                expected = recorder.delta(probe.turn, expected, field(frame, "delta"), now);
                if (received++ == 0) {
                    firstDeltaAt = now;
                }
                lastDeltaAt = now;
            }
            case "query_result" -> rowsShown |= rowsCheck != null && rowsCheck.test(frame);
            case "done" -> endTurn(true, now);
            case "chat_started" -> started.complete(field(frame, "conversation_id"));
            case "error" -> {
                recorder.error(field(frame, "code"));
                CompletableFuture<String> pendingStart = started;
                if (pendingStart != null && !pendingStart.isDone()) {
                    pendingStart.completeExceptionally(new IllegalStateException(frame));
                } else {
                    if (field(frame, "code").equals("DATABASE_UNAVAILABLE")) {
                        DATABASE_UNAVAILABLE.incrementAndGet();
                    }
                    endTurn(false, now);
                }
            }
            default -> {
                // progress frames
            }
        }
    }

    private void endTurn(boolean done, long now) {
        CompletableFuture<Boolean> end = turnEnd;
        Probes.Probe ended = probe;
        if (end == null || end.isDone()) {
            return;
        }
        if (done) {
            recorder.turnEnded(ended, received, scripted, now, firstDeltaAt, lastDeltaAt);
            if (rowsCheck != null) {
                recorder.rowsShown(rowsShown);
            }
        }
        probes.close(ended);
        ENDED.incrementAndGet();
        end.complete(done);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        gone(new IllegalStateException("socket closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        gone(error);
    }

    private void gone(Throwable why) {
        if (!closing) {
            recorder.closedSockets.incrementAndGet();
        }
        CompletableFuture<Boolean> end = turnEnd;
        if (end != null) {
            end.completeExceptionally(why);
        }
        CompletableFuture<String> pendingStart = started;
        if (pendingStart != null) {
            pendingStart.completeExceptionally(why);
        }
    }

    /** A string field of one of the server's flat frames (none of ours needs unescaping). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return "";
        }
        start += key.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
