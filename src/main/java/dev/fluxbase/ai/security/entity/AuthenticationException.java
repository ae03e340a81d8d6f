package dev.fluxbase.ai.security.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;

/** A token that cannot be trusted, or a missing one where a caller must be known. */
public class AuthenticationException extends CodedException {

    public AuthenticationException(String code, String message) {
        super(code, message);
    }

    public AuthenticationException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The message names the reason only; it never repeats the token. */
    public static AuthenticationException invalidToken(String reason) {
        return new AuthenticationException(ErrorCodes.INVALID_TOKEN, "Invalid token: " + reason);
    }

    public static AuthenticationException required() {
        return new AuthenticationException(ErrorCodes.AUTH_REQUIRED, "Authentication required");
    }
}
