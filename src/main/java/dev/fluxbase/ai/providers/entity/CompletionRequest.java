package dev.fluxbase.ai.providers.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chat completion as every provider receives it; the chatbot's limits travel with it.
 *
 * @param responseSchema the shape the answer must have, or null for free text
 */
public record CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature,
        ResponseSchema responseSchema) {

    public CompletionRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A request whose answer is free text. */
    public CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature) {
        this(messages, tools, maxTokens, temperature, null);
    }

    /** The same request without a response schema, for a server that refuses them. */
    public CompletionRequest withoutSchema() {
        return new CompletionRequest(messages, tools, maxTokens, temperature, null);
    }
}
