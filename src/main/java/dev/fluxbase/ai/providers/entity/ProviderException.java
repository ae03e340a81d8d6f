package dev.fluxbase.ai.providers.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider failure, carrying the stable error code the client sees and what went wrong, which
 * decides whether the call may be retried or handed to another provider.
 */
public class ProviderException extends CodedException {

    /** What went wrong; only the transient kinds are worth another attempt. */
    public enum Failure {
        NO_PROVIDER, MISCONFIGURED, AUTH, REJECTED, RATE_LIMITED, SERVER_ERROR, UNREACHABLE, TIMEOUT, BROKEN_STREAM;

        /** The same request may succeed a moment later at the same provider. */
        public boolean retryable() {
            return this == RATE_LIMITED || this == SERVER_ERROR;
        }

        /** The provider is unavailable rather than wrongly used: another provider may answer. */
        public boolean transientFailure() {
            return retryable() || this == UNREACHABLE || this == TIMEOUT || this == BROKEN_STREAM;
        }
    }

    private final Failure failure;
    private final Duration retryAfter;

    public ProviderException(String code, String message) {
        this(failureOf(code), code, message, null, null);
    }

    public ProviderException(String code, String message, Throwable cause) {
        this(failureOf(code), code, message, null, cause);
    }

    public ProviderException(Failure failure, String message, Throwable cause) {
        this(failure, codeOf(failure), message, null, cause);
    }

    private ProviderException(Failure failure, String code, String message, Duration retryAfter, Throwable cause) {
        super(code, message, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    /**
     * This failure after part of the answer reached the client: the turn cannot fail over any more, and
     * the client learns that what it saw is incomplete.
     */
    public ProviderException midStream() {
        return new ProviderException(failure, ErrorCodes.STREAM_ERROR, "The answer was interrupted: " + getMessage(), null, this);
    }

    public static ProviderException of(Failure failure, String message) {
        return new ProviderException(failure, message, null);
    }

    /**
     * Maps an HTTP status from a provider to our error, with the guide's messages.
     *
     * @param retryAfter what the provider's {@code Retry-After} asked for, or null
     */
    public static ProviderException forStatus(int status, String detail, Duration retryAfter) {
        if (status == 401 || status == 403) {
            return of(Failure.AUTH, "Provider authentication failed");
        }
        if (status == 429) {
            return new ProviderException(Failure.RATE_LIMITED, ErrorCodes.PROVIDER_RATE_LIMITED, "Provider rate limit exceeded, try again later", retryAfter, null);
        }
        String message = "Provider error (HTTP " + status + ")" + (detail == null || detail.isBlank() ? "" : ": " + detail);
        Failure failure = status >= 500 ? Failure.SERVER_ERROR : Failure.REJECTED;
        return new ProviderException(failure, ErrorCodes.PROVIDER_ERROR, message, retryAfter, null);
    }

    public static ProviderException forStatus(int status, String detail) {
        return forStatus(status, detail, null);
    }

    public Failure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static Failure failureOf(String code) {
        return switch (code) {
            case ErrorCodes.NO_PROVIDER -> Failure.NO_PROVIDER;
            case ErrorCodes.PROVIDER_AUTH_FAILED -> Failure.AUTH;
            case ErrorCodes.PROVIDER_RATE_LIMITED -> Failure.RATE_LIMITED;
            default -> Failure.REJECTED;
        };
    }

    private static String codeOf(Failure failure) {
        return switch (failure) {
            case NO_PROVIDER -> ErrorCodes.NO_PROVIDER;
            case AUTH -> ErrorCodes.PROVIDER_AUTH_FAILED;
            case RATE_LIMITED -> ErrorCodes.PROVIDER_RATE_LIMITED;
            default -> ErrorCodes.PROVIDER_ERROR;
        };
    }
}
