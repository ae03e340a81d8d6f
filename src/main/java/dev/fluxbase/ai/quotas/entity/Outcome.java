package dev.fluxbase.ai.quotas.entity;

/** How a turn ended, as the ledger records it. */
public enum Outcome {
    /** Answered: the client got {@code done}. */
    done,
    /** Failed after it was admitted; tokens spent before the failure are still booked. */
    error,
    /** Cancelled by the client or by its disconnect. */
    cancelled,
    /** Refused before the provider was called (a limit, the turn limit): it used nothing. */
    refused
}
