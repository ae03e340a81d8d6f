package dev.fluxbase.ai.platform.entity;

/** A failure a client sees: a stable code (see CONTRACT.md §10) and a human message. */
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
