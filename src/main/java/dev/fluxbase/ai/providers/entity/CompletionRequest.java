package dev.fluxbase.ai.providers.entity;

import java.math.BigDecimal;
import java.util.List;

/** A chat completion as every provider receives it; the chatbot's limits travel with it. */
public record CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature) {

    public CompletionRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
