package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses one OpenAI-style SSE stream (OpenAI, Azure OpenAI, compatibles): content deltas go to the
 * listener as they come, tool-call fragments are joined by their index, usage is read from whichever
 * chunk carries it (OpenAI sends it last, with no choices). Azure's first chunk (prompt filter
 * results, no choices) adds nothing. Unparseable chunks are skipped.
 */
final class OpenAiStream implements StreamParser {

    private final StreamListener listener;
    private final ServerSentEvents events = new ServerSentEvents();
    private final StringBuilder content = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private TokenUsage usage = TokenUsage.NONE;
    private String finishReason;
    private String responseId;
    private String responseModel;

    OpenAiStream(StreamListener listener) {
        this.listener = listener;
    }

    @Override
    public Progress accept(String line) {
        String data = events.line(line);
        if (data == null) {
            return Progress.MORE;
        }
        if (data.equals("[DONE]")) {
            return Progress.FINISHED;
        }
        JsonObject chunk = StreamChunks.parse(data);
        return chunk == null ? Progress.MORE : accept(chunk);
    }

    private Progress accept(JsonObject chunk) {
        if (chunk.get("error") instanceof JsonObject error) {
            throw ProviderException.of(ProviderException.Failure.BROKEN_STREAM, "Provider error: " + error.getString("message", "unknown"));
        }
        responseId = text(chunk, "id", responseId);
        responseModel = text(chunk, "model", responseModel);
        if (chunk.get("usage") instanceof JsonObject u) {
            usage = new TokenUsage(u.getInt("prompt_tokens", 0), u.getInt("completion_tokens", 0));
        }
        JsonArray choices = chunk.get("choices") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
        if (choices.isEmpty() || !(choices.get(0) instanceof JsonObject choice)) {
            return Progress.MORE;
        }
        if (choice.get("finish_reason") instanceof JsonString reason) {
            finishReason = reason.getString();
        }
        if (!(choice.get("delta") instanceof JsonObject delta)) {
            return Progress.MORE;
        }
        boolean text = acceptContent(delta);
        boolean tools = acceptToolCalls(delta);
        return text || tools ? Progress.TOKEN : Progress.MORE;
    }

    private boolean acceptContent(JsonObject delta) {
        if (delta.get("content") instanceof JsonString text && !text.getString().isEmpty()) {
            content.append(text.getString());
            listener.onContent(text.getString());
            return true;
        }
        return false;
    }

    private boolean acceptToolCalls(JsonObject delta) {
        if (!(delta.get("tool_calls") instanceof JsonArray toolCalls) || toolCalls.isEmpty()) {
            return false;
        }
        for (JsonValue value : toolCalls) {
            if (value instanceof JsonObject fragment) {
                acceptFragment(fragment);
            }
        }
        return true;
    }

    private void acceptFragment(JsonObject fragment) {
        int index = fragment.get("index") instanceof JsonNumber n ? n.intValue() : calls.size();
        PartialCall call = calls.computeIfAbsent(index, i -> new PartialCall());
        if (fragment.get("id") instanceof JsonString id && !id.getString().isEmpty()) {
            call.id = id.getString();
        }
        if (fragment.get("function") instanceof JsonObject function) {
            if (function.get("name") instanceof JsonString name && !name.getString().isEmpty()) {
                call.name = name.getString();
            }
            if (function.get("arguments") instanceof JsonString arguments) {
                call.arguments.append(arguments.getString());
            }
        }
    }

    @Override
    public CompletionResult result() {
        List<ToolCall> toolCalls = new ArrayList<>();
        calls.forEach((index, call) -> toolCalls.add(new ToolCall(call.id == null ? ToolCallIds.next() : call.id, call.name,
                call.arguments.length() == 0 ? "{}" : call.arguments.toString())));
        return new CompletionResult(content.toString(), toolCalls, usage, finishReason, responseId, responseModel);
    }

    /** The first non-empty text of the key, kept once seen. */
    private static String text(JsonObject chunk, String key, String seen) {
        return seen == null && chunk.get(key) instanceof JsonString value && !value.getString().isEmpty() ? value.getString() : seen;
    }

    /** A tool call whose fragments are still arriving. */
    private static final class PartialCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }
}
