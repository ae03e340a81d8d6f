package dev.fluxbase.ai.platform.entity;

/**
 * A failure a client sees: a stable upper-case code that clients may branch on, so it never changes once
 * released (Fluxbase's own codes, such as {@code INVALID_MESSAGE} or {@code CHATBOT_NOT_FOUND}, are kept where
 * they apply), and a human message that may.
 */
public class CodedException extends RuntimeException {

    private final String code;

    public CodedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public CodedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
