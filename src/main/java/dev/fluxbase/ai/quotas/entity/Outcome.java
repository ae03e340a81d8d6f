package dev.fluxbase.ai.quotas.entity;

/** How a turn ended, as the ledger records it (and what an extraction call is). */
public enum Outcome {
    /** Answered: the client got {@code done}. */
    done,
    /** Failed after it was admitted; tokens spent before the failure are still booked. */
    error,
    /** Cancelled by the client or by its disconnect. */
    cancelled,
    /** Refused before the provider was called (a limit, the turn limit): it used nothing. */
    refused,
    /** Not a turn: a call that extracted entities from a document's chunk for a knowledge base; failed ones keep their code. */
    extraction
}
