package dev.fluxbase.ai.providers.entity;

/** Thrown in the turn's thread once its {@link CancelSignal} fired. */
public class TurnCancelled extends RuntimeException {

    public TurnCancelled() {
        super("cancelled", null, false, false);
    }
}
