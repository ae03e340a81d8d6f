package dev.fluxbase.ai.security.boundary;

import dev.fluxbase.ai.platform.boundary.ErrorResponse;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 and 403 answers of the security filters; a 401 names the Bearer scheme, as RFC 6750 asks. */
final class AuthResponses {

    private AuthResponses() {
    }

    static Response invalidToken(AuthenticationException failure) {
        return Response.fromResponse(ErrorResponse.of(Response.Status.UNAUTHORIZED, failure.code(), failure.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }

    static Response authenticationRequired() {
        AuthenticationException required = AuthenticationException.required();
        return Response.fromResponse(ErrorResponse.of(Response.Status.UNAUTHORIZED, required.code(), required.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response adminRequired() {
        return ErrorResponse.of(Response.Status.FORBIDDEN, ErrorCodes.FORBIDDEN, "Admin role required");
    }
}
