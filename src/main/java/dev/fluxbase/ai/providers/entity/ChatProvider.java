package dev.fluxbase.ai.providers.entity;

/**
 * A streaming LLM endpoint. {@code stream} blocks the calling thread until the stream ends; when the
 * signal fires it aborts the HTTP request and throws {@link TurnCancelled}.
 */
public interface ChatProvider {

    String name();

    String model();

    /** What kind of provider answers, for telemetry; null when unknown. */
    default ProviderType type() {
        return null;
    }

    CompletionResult stream(CompletionRequest request, StreamListener listener, CancelSignal cancel);
}
