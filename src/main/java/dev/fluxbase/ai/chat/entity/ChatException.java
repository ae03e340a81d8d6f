package dev.fluxbase.ai.chat.entity;

/** A failure the client sees as an {@code error} frame with a stable code. */
public class ChatException extends RuntimeException {

    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String CHATBOT_NOT_FOUND = "CHATBOT_NOT_FOUND";
    public static final String NO_SESSION = "NO_SESSION";
    public static final String STREAM_ERROR = "STREAM_ERROR";

    private final String code;

    public ChatException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
