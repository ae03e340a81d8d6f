package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.entity.ProviderException;

/** A protocol failure the client sees as an {@code error} frame. */
public class ChatException extends CodedException {

    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String CHATBOT_NOT_FOUND = "CHATBOT_NOT_FOUND";
    public static final String NO_SESSION = "NO_SESSION";
    public static final String STREAM_ERROR = ProviderException.STREAM_ERROR;
    public static final String MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE";
    public static final String AUTH_REQUIRED = "AUTH_REQUIRED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String SHUTTING_DOWN = "SHUTTING_DOWN";
    public static final String TOO_MANY_CONVERSATIONS = "TOO_MANY_CONVERSATIONS";

    public ChatException(String code, String message) {
        super(code, message);
    }
}
