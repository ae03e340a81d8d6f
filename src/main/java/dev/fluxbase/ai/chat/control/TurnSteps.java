package dev.fluxbase.ai.chat.control;

import java.util.function.Supplier;

/**
 * Runs the steps of a turn (the limits, the retrieval, each provider request and tool call), in a trace
 * span in production ({@link TurnTracing}) and as they are in unit tests.
 */
public interface TurnSteps {

    /** Steps run as they are, traced nowhere. */
    TurnSteps UNTRACED = new TurnSteps() {
        @Override
        public <T> T step(String name, Supplier<T> work, String... attributes) {
            return work.get();
        }
    };

    /**
     * Runs one step of the current turn.
     *
     * @param attributes name, value, name, value...
     */
    <T> T step(String name, Supplier<T> work, String... attributes);
}
