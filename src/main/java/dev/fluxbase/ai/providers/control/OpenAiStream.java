package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
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
 * Accumulates the chunks of one OpenAI-style stream: content deltas go to the listener as they come,
 * tool-call fragments are joined by their index, usage comes from the final chunk. Azure's first
 * chunk (prompt filter results, no choices) and the usage chunk carry no choice and add no content.
 */
final class OpenAiStream {

    private final StreamListener listener;
    private final StringBuilder content = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private TokenUsage usage = TokenUsage.NONE;
    private String finishReason;

    OpenAiStream(StreamListener listener) {
        this.listener = listener;
    }

    void accept(JsonObject chunk) {
        if (chunk.get("usage") instanceof JsonObject u) {
            usage = new TokenUsage(u.getInt("prompt_tokens", 0), u.getInt("completion_tokens", 0));
        }
        JsonArray choices = chunk.getJsonArray("choices");
        if (choices == null || choices.isEmpty()) {
            return;
        }
        JsonObject choice = choices.getJsonObject(0);
        if (choice.get("finish_reason") instanceof JsonString reason) {
            finishReason = reason.getString();
        }
        if (choice.get("delta") instanceof JsonObject delta) {
            acceptContent(delta);
            acceptToolCalls(delta);
        }
    }

    private void acceptContent(JsonObject delta) {
        if (delta.get("content") instanceof JsonString text && !text.getString().isEmpty()) {
            content.append(text.getString());
            listener.onContent(text.getString());
        }
    }

    private void acceptToolCalls(JsonObject delta) {
        if (!(delta.get("tool_calls") instanceof JsonArray toolCalls)) {
            return;
        }
        for (JsonValue value : toolCalls) {
            JsonObject fragment = value.asJsonObject();
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
    }

    CompletionResult result() {
        List<ToolCall> toolCalls = new ArrayList<>();
        calls.forEach((index, call) -> toolCalls.add(new ToolCall(call.id == null ? "call_" + index : call.id, call.name,
                call.arguments.length() == 0 ? "{}" : call.arguments.toString())));
        return new CompletionResult(content.toString(), toolCalls, usage, finishReason);
    }

    /** A tool call whose fragments are still arriving. */
    private static final class PartialCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }
}
