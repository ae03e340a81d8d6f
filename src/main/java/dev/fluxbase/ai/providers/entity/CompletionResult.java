package dev.fluxbase.ai.providers.entity;

import java.util.List;

/** What a finished stream produced: the text, the tool calls, the real usage and why it stopped. */
public record CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason) {

    public CompletionResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
