package dev.fluxbase.ai.providers.entity;

/**
 * A tool call the LLM asked for; {@code arguments} is JSON text as the model wrote it.
 *
 * @param providerData what the provider wants back with the call in the next request (Gemini's thought
 *                     signature), or null
 */
public record ToolCall(String id, String name, String arguments, String providerData) {

    public ToolCall(String id, String name, String arguments) {
        this(id, name, arguments, null);
    }
}
