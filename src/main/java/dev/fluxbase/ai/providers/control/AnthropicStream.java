package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses Anthropic's Messages stream (SSE): text deltas go to the listener as they come; a {@code tool_use}
 * block opens with its id and name and its input follows as JSON fragments; the prompt's tokens come with
 * {@code message_start}, the output's (a running total) with {@code message_delta}; {@code message_stop} ends
 * it. An {@code error} event fails the stream: overloaded or internal errors as a server error (which may be
 * retried while nothing reached the client), a rate limit as one.
 */
final class AnthropicStream implements StreamParser {

    private final StreamListener listener;
    private final ServerSentEvents events = new ServerSentEvents();
    private final StringBuilder content = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private int promptTokens;
    private int completionTokens;
    private String finishReason;

    AnthropicStream(StreamListener listener) {
        this.listener = listener;
    }

    @Override
    public Progress accept(String line) {
        String data = events.line(line);
        JsonObject event = data == null ? null : StreamChunks.parse(data);
        if (event == null) {
            return Progress.MORE;
        }
        return switch (event.getString("type", "")) {
            case "message_start" -> start(event);
            case "content_block_start" -> blockStart(event);
            case "content_block_delta" -> delta(event);
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> Progress.FINISHED;
            case "error" -> throw error(event);
            default -> Progress.MORE; // ping, content_block_stop, and whatever Anthropic adds
        };
    }

    private Progress start(JsonObject event) {
        if (event.get("message") instanceof JsonObject message && message.get("usage") instanceof JsonObject usage) {
            readUsage(usage);
        }
        return Progress.MORE;
    }

    private Progress blockStart(JsonObject event) {
        if (event.get("content_block") instanceof JsonObject block && "tool_use".equals(block.getString("type", ""))) {
            PartialCall call = new PartialCall(block.getString("id", ToolCallIds.next()), block.getString("name", ""));
            calls.put(StreamChunks.count(event, "index"), call);
            return Progress.TOKEN;
        }
        return Progress.MORE;
    }

    private Progress delta(JsonObject event) {
        if (!(event.get("delta") instanceof JsonObject delta)) {
            return Progress.MORE;
        }
        if (delta.get("text") instanceof JsonString text && !text.getString().isEmpty()) {
            content.append(text.getString());
            listener.onContent(text.getString());
            return Progress.TOKEN;
        }
        PartialCall call = calls.get(StreamChunks.count(event, "index"));
        if (call != null && delta.get("partial_json") instanceof JsonString json) {
            call.input.append(json.getString());
        }
        return Progress.MORE;
    }

    private Progress messageDelta(JsonObject event) {
        if (event.get("delta") instanceof JsonObject delta && delta.get("stop_reason") instanceof JsonString reason) {
            finishReason = finishReason(reason.getString());
        }
        if (event.get("usage") instanceof JsonObject usage) {
            readUsage(usage);
        }
        return Progress.MORE;
    }

    /** Counts are running totals; a count an event leaves out keeps its value. Cached prompt tokens are prompt tokens too. */
    private void readUsage(JsonObject usage) {
        if (usage.containsKey("input_tokens")) {
            promptTokens = StreamChunks.count(usage, "input_tokens") + StreamChunks.count(usage, "cache_creation_input_tokens")
                    + StreamChunks.count(usage, "cache_read_input_tokens");
        }
        if (usage.containsKey("output_tokens")) {
            completionTokens = StreamChunks.count(usage, "output_tokens");
        }
    }

    /** Anthropic's stop reasons in OpenAI's words, which the rest of the server speaks. */
    private static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> "stop";
            case "tool_use" -> "tool_calls";
            case "max_tokens" -> "length";
            default -> stopReason;
        };
    }

    private static ProviderException error(JsonObject event) {
        JsonObject error = event.get("error") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
        String message = "Provider error: " + error.getString("message", "unknown");
        return switch (error.getString("type", "")) {
            case "overloaded_error", "api_error" -> ProviderException.of(Failure.SERVER_ERROR, message);
            case "rate_limit_error" -> ProviderException.forStatus(429, message);
            default -> ProviderException.of(Failure.BROKEN_STREAM, message);
        };
    }

    @Override
    public CompletionResult result() {
        List<ToolCall> toolCalls = new ArrayList<>();
        calls.values().forEach(call -> toolCalls.add(new ToolCall(call.id, call.name, call.input.length() == 0 ? "{}" : call.input.toString())));
        return new CompletionResult(content.toString(), toolCalls, new TokenUsage(promptTokens, completionTokens), finishReason);
    }

    /** A tool_use block whose input is still arriving. */
    private static final class PartialCall {
        final String id;
        final String name;
        final StringBuilder input = new StringBuilder();

        PartialCall(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
