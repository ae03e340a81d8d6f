package dev.fluxbase.ai.providers.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chat completion as every provider receives it; the chatbot's limits travel with it.
 *
 * @param responseSchema the shape the answer must have, or null for free text
 * @param model          the model the chatbot asks for ({@code @fluxbase:model}), or null for the provider's own
 */
public record CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature,
        ResponseSchema responseSchema, String model) {

    public CompletionRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        model = model == null || model.isBlank() ? null : model.strip();
    }

    /** A request for the provider's own model. */
    public CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature,
            ResponseSchema responseSchema) {
        this(messages, tools, maxTokens, temperature, responseSchema, null);
    }

    /** A request whose answer is free text. */
    public CompletionRequest(List<ChatMessage> messages, List<ToolDefinition> tools, int maxTokens, BigDecimal temperature) {
        this(messages, tools, maxTokens, temperature, null);
    }

    /** The same request without a response schema, for a server that refuses them. */
    public CompletionRequest withoutSchema() {
        return new CompletionRequest(messages, tools, maxTokens, temperature, null, model);
    }

    /** The same request for another model (null: the provider's own). */
    public CompletionRequest withModel(String model) {
        return new CompletionRequest(messages, tools, maxTokens, temperature, responseSchema, model);
    }

    /** The model this request asks for, else the provider's. */
    public String modelOr(String providerModel) {
        return model != null ? model : providerModel;
    }
}
