package dev.fluxbase.ai.providers.entity;

import java.util.List;

/**
 * What a finished stream produced: the text, the tool calls, the real usage and why it stopped; the
 * response's id and the model that answered when the provider says (null otherwise); and, once a turn's
 * fallbacks have had their say, the provider that answered and the model it was asked for.
 */
public record CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason, String responseId,
        String responseModel, Answerer answerer) {

    /** The stored or configured provider that produced a result, and the model it was asked for. */
    public record Answerer(String providerName, String model) {
    }

    public CompletionResult {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason, String responseId,
            String responseModel) {
        this(content, toolCalls, usage, finishReason, responseId, responseModel, null);
    }

    public CompletionResult(String content, List<ToolCall> toolCalls, TokenUsage usage, String finishReason) {
        this(content, toolCalls, usage, finishReason, null, null, null);
    }

    /** The same result, told which provider answered: with failover it need not be the chosen one. */
    public CompletionResult answeredBy(String providerName, String model) {
        return new CompletionResult(content, toolCalls, usage, finishReason, responseId, responseModel, new Answerer(providerName, model));
    }
}
