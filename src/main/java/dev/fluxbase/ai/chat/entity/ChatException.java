package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.platform.entity.CodedException;

/** A protocol failure the client sees as an {@code error} frame. */
public class ChatException extends CodedException {

    public ChatException(String code, String message) {
        super(code, message);
    }
}
