package dev.fluxbase.ai.platform.entity;

/** A request the API refuses, with the HTTP status to answer (400, 404, 409, ...). */
public class RequestRejected extends CodedException {

    private final int status;

    public RequestRejected(int status, String code, String message) {
        super(code, message);
        this.status = status;
    }

    public static RequestRejected badRequest(String message) {
        return new RequestRejected(400, ErrorCodes.INVALID_REQUEST, message);
    }

    public static RequestRejected notFound(String code, String message) {
        return new RequestRejected(404, code, message);
    }

    public int status() {
        return status;
    }
}
