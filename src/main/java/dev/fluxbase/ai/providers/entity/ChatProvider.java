package dev.fluxbase.ai.providers.entity;

/** A streaming LLM endpoint. Implementations block the calling thread until the stream ends. */
public interface ChatProvider {

    String name();

    String model();

    CompletionResult stream(CompletionRequest request, StreamListener listener);
}
