package dev.fluxbase.ai.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scripted answer of the {@link FakeLlmServer}. A reply says what the model "generates"; the
 * server renders it in the wire format of whichever provider asked (OpenAI, Azure or Ollama), so a
 * test can switch provider without rewriting its script.
 *
 * <p>Text deltas are always streamed before tool calls, as real models do. Counting for
 * {@link #disconnectAfter(int)} and {@link #stallAfter(int)} is in content chunks of the dialect:
 * one per text delta, plus for OpenAI/Azure one opening chunk and several argument chunks per tool
 * call, for Ollama one line carrying all tool calls.
 */
public final class Reply {

    enum Interruption { NONE, DISCONNECT, STALL }

    record ToolCall(String id, String name, String argumentsJson) {
    }

    // Global, so ids stay unique across replies and servers, as real call ids are.
    private static final AtomicInteger TOOL_CALL_SEQUENCE = new AtomicInteger();

    private final int status;
    private final String errorBody;
    private final List<String> textDeltas = new ArrayList<>();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private Integer promptTokens;
    private Integer completionTokens;
    private Duration chunkDelay = Duration.ZERO;
    private boolean knownLength;
    private boolean held;
    private Interruption interruption = Interruption.NONE;
    private int interruptAfter;

    private Reply(int status, String errorBody) {
        this.status = status;
        this.errorBody = errorBody;
    }

    /** A text answer streamed as one chunk per delta. */
    public static Reply text(String... deltas) {
        return new Reply(200, null).andText(deltas);
    }

    /** An answer consisting of one tool call; its id is {@code call_<n>}, see {@link #toolCallIds()}. */
    public static Reply toolCall(String name, String argumentsJson) {
        return new Reply(200, null).andToolCall(name, argumentsJson);
    }

    /** An HTTP error answer with the given body, sent verbatim (JSON content type if it looks like JSON). */
    public static Reply httpError(int status, String body) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an HTTP error status: " + status);
        }
        return new Reply(status, Objects.requireNonNull(body, "body"));
    }

    /** Adds text deltas; they are sent before any tool call. */
    public Reply andText(String... deltas) {
        textDeltas.addAll(List.of(deltas));
        return this;
    }

    /** Adds a parallel tool call. The arguments are sent as given, even if they are not valid JSON (except to Ollama). */
    public Reply andToolCall(String name, String argumentsJson) {
        String id = "call_" + TOOL_CALL_SEQUENCE.incrementAndGet();
        toolCalls.add(new ToolCall(id, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(argumentsJson, "argumentsJson")));
        return this;
    }

    /** Token counts reported to the client; default prompt 10, completion = text deltas + tool calls. */
    public Reply usage(int promptTokens, int completionTokens) {
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        return this;
    }

    /** Pause before every streamed frame after the first. */
    public Reply chunkDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        this.chunkDelay = delay;
        return this;
    }

    /**
     * After {@code chunks} content chunks (all of them if there are fewer), close the connection
     * abruptly: no finishing chunk, no usage, no {@code [DONE]}, no terminating HTTP chunk. For a
     * non-streaming request the connection is closed before any response is sent.
     */
    public Reply disconnectAfter(int chunks) {
        return interrupt(Interruption.DISCONNECT, chunks);
    }

    /**
     * After {@code chunks} content chunks, send nothing more and hold the connection open until
     * {@link FakeLlmServer#close()} or {@link FakeLlmServer#reset()}, then close it abruptly. For a
     * non-streaming request nothing at all is sent until then.
     */
    public Reply stallAfter(int chunks) {
        return interrupt(Interruption.STALL, chunks);
    }

    /**
     * Sends nothing until {@link FakeLlmServer#releaseHeld()} (or {@code reset()}, {@code close()}), then
     * the reply as scripted: for tests that need many requests in flight at once, without sleeps.
     */
    public Reply held() {
        this.held = true;
        return this;
    }

    /**
     * Sends the stream with a {@code Content-Length} instead of chunked: the response has ended when
     * its last event is read, where a chunked one still has its terminating chunk to come.
     */
    public Reply withKnownLength() {
        this.knownLength = true;
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public Reply header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** Ids of this reply's tool calls in order, to check what the client sends back with the tool results. */
    public List<String> toolCallIds() {
        return toolCalls.stream().map(ToolCall::id).toList();
    }

    private Reply interrupt(Interruption kind, int chunks) {
        if (chunks < 0) {
            throw new IllegalArgumentException("negative chunk count: " + chunks);
        }
        this.interruption = kind;
        this.interruptAfter = chunks;
        return this;
    }

    boolean isHttpError() {
        return errorBody != null;
    }

    int status() {
        return status;
    }

    String errorBody() {
        return errorBody;
    }

    List<String> textDeltas() {
        return textDeltas;
    }

    String text() {
        return String.join("", textDeltas);
    }

    List<ToolCall> toolCalls() {
        return toolCalls;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    int promptTokens() {
        return promptTokens != null ? promptTokens : 10;
    }

    int completionTokens() {
        return completionTokens != null ? completionTokens : textDeltas.size() + toolCalls.size();
    }

    boolean knownLength() {
        return knownLength;
    }

    boolean isHeld() {
        return held;
    }

    Duration chunkDelay() {
        return chunkDelay;
    }

    Interruption interruption() {
        return interruption;
    }

    int interruptAfter() {
        return interruptAfter;
    }
}
