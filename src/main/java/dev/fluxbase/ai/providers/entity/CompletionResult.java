package dev.fluxbase.ai.providers.entity;

/** What a finished stream produced: the whole text, the real usage and why it stopped. */
public record CompletionResult(String content, TokenUsage usage, String finishReason) {
}
