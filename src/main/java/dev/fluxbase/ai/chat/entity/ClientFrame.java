package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** A frame from the client: {@code start_chat}, {@code message} or {@code cancel}. */
public record ClientFrame(String type, JsonObject json) {

    /** @throws ChatException with {@code INVALID_MESSAGE} when the text is not a JSON object with a type */
    public static ClientFrame parse(String text) {
        try {
            JsonValue value = JsonFactories.read(text);
            if (!(value instanceof JsonObject object) || !(object.get("type") instanceof JsonString type)) {
                throw new ChatException(ChatException.INVALID_MESSAGE, "Invalid message format: expected a JSON object with a \"type\"");
            }
            return new ClientFrame(type.getString(), object);
        } catch (JsonException e) {
            throw new ChatException(ChatException.INVALID_MESSAGE, "Invalid message format: not valid JSON");
        }
    }

    public Optional<String> text(String field) {
        return json.get(field) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    public String required(String field) {
        return text(field).orElseThrow(() -> new ChatException(ChatException.INVALID_MESSAGE, "Missing field: " + field));
    }
}
