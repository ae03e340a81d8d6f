package dev.fluxbase.ai.providers.entity;

import dev.fluxbase.ai.platform.entity.CodedException;

/** A provider failure, carrying the stable error code the client sees. */
public class ProviderException extends CodedException {

    public static final String AUTH_FAILED = "PROVIDER_AUTH_FAILED";
    public static final String RATE_LIMITED = "PROVIDER_RATE_LIMITED";
    public static final String PROVIDER_ERROR = "PROVIDER_ERROR";
    public static final String NO_PROVIDER = "NO_PROVIDER";

    public ProviderException(String code, String message) {
        super(code, message);
    }

    public ProviderException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** Maps an HTTP status from a provider to our error, with the guide's messages. */
    public static ProviderException forStatus(int status, String detail) {
        if (status == 401 || status == 403) {
            return new ProviderException(AUTH_FAILED, "Provider authentication failed");
        }
        if (status == 429) {
            return new ProviderException(RATE_LIMITED, "Provider rate limit exceeded, try again later");
        }
        return new ProviderException(PROVIDER_ERROR, "Provider error (HTTP " + status + ")" + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }
}
