package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every REST error body: {@code {"error": "<message>", "code": "<CODE>"}}, as the SDK reads it. */
public final class ErrorResponse {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private ErrorResponse() {
    }

    public static Response of(Response.Status status, String code, String message) {
        return of(status.getStatusCode(), code, message != null ? message : status.getReasonPhrase());
    }

    /** For statuses that {@link Response.Status} lacks, such as 422, or that arrive as numbers. */
    public static Response of(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message)).build();
    }

    /** Serialised here rather than by a JSON provider, so that filters aborting a request get the same bytes. */
    private static String body(String code, String message) {
        return JSON.createObjectBuilder()
                .add("error", message != null ? message : "Error")
                .add("code", code != null ? code : "ERROR")
                .build()
                .toString();
    }
}
