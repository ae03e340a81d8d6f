package dev.fluxbase.ai.providers.entity;

import jakarta.json.JsonObject;

/** A tool offered to the LLM: its name, what it does, and the JSON Schema of its arguments. */
public record ToolDefinition(String name, String description, JsonObject parameters) {
}
