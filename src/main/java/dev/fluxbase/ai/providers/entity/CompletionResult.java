package dev.fluxbase.ai.providers.entity;

import java.util.List;

/**
 * What a finished stream produced: the text, the tool calls, the real usage and why it stopped; the
 * response's id and the model that answered when the provider says (null otherwise).
 */
public record CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason, String responseId,
        String responseModel) {

    public CompletionResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason) {
        this(content, toolCalls, usage, finishReason, null, null);
    }
}
