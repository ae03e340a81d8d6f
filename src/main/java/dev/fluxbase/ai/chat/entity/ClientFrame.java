package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFields;
import java.util.Optional;

/** A frame from the client: {@code start_chat}, {@code message}, {@code cancel}, {@code confirm_write} or {@code cancel_write}. */
public record ClientFrame(String type, JsonFields fields) {

    /** @throws ChatException with {@code INVALID_MESSAGE} when the text is not a JSON object with a type */
    public static ClientFrame parse(String text) {
        JsonFields fields = JsonFields.parse(text, ClientFrame::invalid);
        return new ClientFrame(fields.requiredText("type"), fields);
    }

    /** A string field; blank reads as absent, another type is an {@code INVALID_MESSAGE}. */
    public Optional<String> text(String field) {
        return fields.nonBlankText(field);
    }

    public String required(String field) {
        return fields.requiredText(field);
    }

    private static ChatException invalid(String detail) {
        return new ChatException(ErrorCodes.INVALID_MESSAGE, "Invalid message format: " + detail);
    }
}
