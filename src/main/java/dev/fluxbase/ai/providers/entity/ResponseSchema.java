package dev.fluxbase.ai.providers.entity;

import jakarta.json.JsonObject;

/**
 * A JSON schema the answer must follow (OpenAI's structured outputs, Ollama's {@code format}). The caller still
 * validates the answer: not every model or compatible server honours it.
 *
 * @param name what OpenAI calls the schema: letters, digits, '_' and '-'
 */
public record ResponseSchema(String name, JsonObject schema) {
}
