package dev.fluxbase.ai.observability.control;

/**
 * The chat turn the current thread works for, so that every log line written meanwhile (ours, a library's)
 * names it in the JSON log format. The turn sets it when it starts and clears it when it ends; work a turn
 * hands to other threads logs without it.
 */
public final class TurnLogContext {

    /** The ids a log line within a turn carries. */
    public record Turn(String turnId, String conversationId, String chatbot) {
    }

    private static final ThreadLocal<Turn> CURRENT = new ThreadLocal<>();

    private TurnLogContext() {
    }

    public static void enter(String turnId, String conversationId, String chatbot) {
        CURRENT.set(new Turn(turnId, conversationId, chatbot));
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** @return the current thread's turn, or null outside a turn */
    public static Turn current() {
        return CURRENT.get();
    }
}
