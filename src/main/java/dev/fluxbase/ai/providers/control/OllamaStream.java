package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.StreamListener;
import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Ollama's {@code /api/chat} stream: one JSON object per line. Tool calls come whole, with
 * their arguments as an object and no id (ids are made up here); the final {@code done} line carries
 * {@code prompt_eval_count} and {@code eval_count}. Unparseable lines are skipped.
 */
final class OllamaStream implements StreamParser {

    private final StreamListener listener;
    private final StringBuilder content = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private String finishReason;
    private String responseModel;

    OllamaStream(StreamListener listener) {
        this.listener = listener;
    }

    @Override
    public Progress accept(String line) {
        JsonObject chunk = line.isBlank() ? null : StreamChunks.parse(line);
        if (chunk == null) {
            return Progress.MORE;
        }
        if (chunk.get("error") instanceof JsonString error) {
            throw ProviderException.of(ProviderException.Failure.BROKEN_STREAM, "Provider error: " + error.getString());
        }
        if (responseModel == null && chunk.get("model") instanceof JsonString model && !model.getString().isEmpty()) {
            responseModel = model.getString();
        }
        boolean token = chunk.get("message") instanceof JsonObject message && acceptMessage(message);
        if (chunk.getBoolean("done", false)) {
            usage = new TokenUsage(StreamChunks.count(chunk, "prompt_eval_count"), StreamChunks.count(chunk, "eval_count"));
            finishReason = toolCalls.isEmpty() ? chunk.getString("done_reason", "stop") : "tool_calls";
            return Progress.FINISHED;
        }
        return token ? Progress.TOKEN : Progress.MORE;
    }

    private boolean acceptMessage(JsonObject message) {
        boolean token = false;
        if (message.get("content") instanceof JsonString text && !text.getString().isEmpty()) {
            content.append(text.getString());
            listener.onContent(text.getString());
            token = true;
        }
        if (message.get("tool_calls") instanceof JsonArray calls) {
            for (JsonValue call : calls) {
                if (call instanceof JsonObject object && object.get("function") instanceof JsonObject function) {
                    toolCalls.add(new ToolCall(ToolCallIds.next(), function.getString("name", ""),
                            ToolArguments.asText(function.get("arguments"))));
                    token = true;
                }
            }
        }
        return token;
    }

    @Override
    public CompletionResult result() {
        return new CompletionResult(content.toString(), toolCalls, usage, finishReason, null, responseModel);
    }
}
