package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Gemini's {@code streamGenerateContent?alt=sse}: each event a whole response of the first candidate's new
 * parts. Text parts go to the listener (thought summaries do not); a {@code functionCall} part comes whole, without
 * an id (one is made up here; its thought signature is kept to be sent back). Usage comes as running totals in
 * {@code usageMetadata}, where thinking tokens count as output. The stream has no end marker: the event with the
 * {@code finishReason} ends the answer, together with its usage (or, if that comes apart, the first blank line
 * after it).
 */
final class GeminiStream implements StreamParser {

    private final StreamListener listener;
    private final ServerSentEvents events = new ServerSentEvents();
    private final StringBuilder content = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private String finishReason;

    GeminiStream(StreamListener listener) {
        this.listener = listener;
    }

    @Override
    public Progress accept(String line) {
        String data = events.line(line);
        if (data == null) {
            return line.isEmpty() && finishReason != null ? Progress.FINISHED : Progress.MORE;
        }
        JsonObject chunk = StreamChunks.parse(data);
        if (chunk == null) {
            return Progress.MORE;
        }
        if (chunk.get("error") instanceof JsonObject error) {
            throw error(error);
        }
        boolean hasUsage = chunk.get("usageMetadata") instanceof JsonObject metadata && readUsage(metadata);
        boolean token = chunk.get("candidates") instanceof JsonArray candidates && !candidates.isEmpty()
                && candidates.get(0) instanceof JsonObject candidate && acceptCandidate(candidate);
        if (finishReason != null && hasUsage) {
            return Progress.FINISHED;
        }
        return token ? Progress.TOKEN : Progress.MORE;
    }

    private boolean acceptCandidate(JsonObject candidate) {
        boolean token = false;
        if (candidate.get("content") instanceof JsonObject body && body.get("parts") instanceof JsonArray parts) {
            for (JsonValue value : parts) {
                token |= value instanceof JsonObject part && acceptPart(part);
            }
        }
        if (candidate.get("finishReason") instanceof JsonString reason) {
            finishReason = toolCalls.isEmpty() ? finishReason(reason.getString()) : "tool_calls";
        }
        return token;
    }

    private boolean acceptPart(JsonObject part) {
        if (part.get("functionCall") instanceof JsonObject call) {
            String signature = part.get("thoughtSignature") instanceof JsonString s ? s.getString() : null;
            toolCalls.add(new ToolCall(ToolCallIds.next(), call.getString("name", ""), ToolArguments.asText(call.get("args")), signature));
            return true;
        }
        if (part.getBoolean("thought", false) || !(part.get("text") instanceof JsonString text) || text.getString().isEmpty()) {
            return false;
        }
        content.append(text.getString());
        listener.onContent(text.getString());
        return true;
    }

    private boolean readUsage(JsonObject metadata) {
        usage = new TokenUsage(StreamChunks.count(metadata, "promptTokenCount") + StreamChunks.count(metadata, "toolUsePromptTokenCount"),
                StreamChunks.count(metadata, "candidatesTokenCount") + StreamChunks.count(metadata, "thoughtsTokenCount"));
        return true;
    }

    /** Gemini's finish reasons in OpenAI's words, which the rest of the server speaks. */
    private static String finishReason(String reason) {
        return switch (reason) {
            case "STOP" -> "stop";
            case "MAX_TOKENS" -> "length";
            default -> reason.toLowerCase(Locale.ROOT);
        };
    }

    /** An error in the stream: Gemini's own status, as an HTTP error would have had it. */
    private static ProviderException error(JsonObject error) {
        int code = StreamChunks.count(error, "code");
        String message = error.getString("message", "unknown");
        return code >= 400 ? ProviderException.forStatus(code, message) : ProviderException.of(Failure.BROKEN_STREAM, "Provider error: " + message);
    }

    @Override
    public CompletionResult result() {
        return new CompletionResult(content.toString(), toolCalls, usage, finishReason);
    }
}
