package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.entity.ConnectionFailure;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error a REST client sees is JSON with {@code error} and {@code code}; internals are never leaked. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    @Provider
    public static class Rejected implements ExceptionMapper<RequestRejected> {
        @Override
        public Response toResponse(RequestRejected e) {
            return ErrorResponse.of(e.status(), e.code(), e.getMessage());
        }
    }

    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String code = switch (status.getStatusCode()) {
                case 404 -> ErrorCodes.NOT_FOUND;
                case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
                case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
                default -> status.getStatusCode() < 500 ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR;
            };
            return ErrorResponse.of(status.getStatusCode(), code, status.getReasonPhrase());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (isDatabaseUnavailable(e)) {
                LOG.warning(() -> "Database unavailable: " + e);
                return ErrorResponse.of(Response.Status.SERVICE_UNAVAILABLE, ErrorCodes.DATABASE_UNAVAILABLE, "Database unavailable, try again later");
            }
            LOG.log(Level.SEVERE, "Request failed", e);
            return ErrorResponse.of(Response.Status.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "Internal server error");
        }
    }

    /** Connection failures (SQL state class 08) or an exhausted pool, anywhere in the cause chain. */
    static boolean isDatabaseUnavailable(Throwable e) {
        if (ConnectionFailure.in(e)) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Connection could not be allocated") || message.contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }
}
