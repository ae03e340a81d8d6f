package dev.fluxbase.ai.observability.control;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.entity.TurnCancelled;

/**
 * The {@code error.type} of a failure: our stable error code when it has one ({@code PROVIDER_AUTH_FAILED}),
 * {@code cancelled} for a cancelled turn, else the exception's class, as the conventions suggest.
 */
public final class ErrorTypes {

    public static final String CANCELLED = "cancelled";

    private ErrorTypes() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof TurnCancelled) {
            return CANCELLED;
        }
        if (failure instanceof CodedException coded && coded.code() != null) {
            return coded.code();
        }
        return failure.getClass().getName();
    }
}
