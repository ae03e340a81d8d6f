package dev.fluxbase.ai.security.entity;

import dev.fluxbase.ai.platform.entity.CodedException;

/** A token that cannot be trusted, or a missing one where a caller must be known. */
public class AuthenticationException extends CodedException {

    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String AUTH_REQUIRED = "AUTH_REQUIRED";

    public AuthenticationException(String code, String message) {
        super(code, message);
    }

    public AuthenticationException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The message names the reason only; it never repeats the token. */
    public static AuthenticationException invalidToken(String reason) {
        return new AuthenticationException(INVALID_TOKEN, "Invalid token: " + reason);
    }

    public static AuthenticationException required() {
        return new AuthenticationException(AUTH_REQUIRED, "Authentication required");
    }
}
