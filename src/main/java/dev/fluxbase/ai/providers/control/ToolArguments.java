package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Tool call arguments between JSON text (how calls are kept) and the object that Ollama, Anthropic and Gemini take. */
final class ToolArguments {

    private ToolArguments() {
    }

    /** The arguments as an object; arguments a model garbled become an empty one. */
    static JsonObject asObject(ToolCall call) {
        try {
            return JsonFactories.read(call.arguments()) instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** Arguments as a provider sent them: an object, or (older and compatible servers) JSON text. */
    static String asText(JsonValue arguments) {
        if (arguments instanceof JsonString text) {
            return text.getString().isBlank() ? "{}" : text.getString();
        }
        return arguments instanceof JsonObject object ? object.toString() : "{}";
    }
}
