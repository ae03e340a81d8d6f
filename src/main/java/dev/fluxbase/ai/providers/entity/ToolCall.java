package dev.fluxbase.ai.providers.entity;

/** A tool call the LLM asked for; {@code arguments} is JSON text as the model wrote it. */
public record ToolCall(String id, String name, String arguments) {
}
