package dev.fluxbase.ai.quotas.entity;

import java.time.Instant;

/**
 * The tokens a running turn holds of its subject's day budget, on the day row it was admitted on: the
 * booking releases them there, also when the turn ends after midnight, so that the budget's bound holds
 * per row.
 *
 * @param dayStart the start of the UTC day the turn was admitted on; null for {@link #NONE}
 * @param tokens   what was reserved: the chatbot's {@code max-tokens} at admission
 */
public record TokenReservation(Instant dayStart, long tokens) {

    /** A turn that was never admitted holds nothing. */
    public static final TokenReservation NONE = new TokenReservation(null, 0);

    public static TokenReservation of(long tokens, Instant admittedAt) {
        return new TokenReservation(Window.DAY.start(admittedAt), tokens);
    }

    public boolean isHeld() {
        return dayStart != null;
    }

    /** The day row the turn's tokens are booked on: the admission's, or without one the day it ended. */
    public Instant bookingDay(Instant endedAt) {
        return isHeld() ? dayStart : Window.DAY.start(endedAt);
    }
}
