package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.entity.ToolEvents;

/**
 * What a turn's {@link ToolLoop} reports while it runs, beyond what its tools report: the streamed answer,
 * every tool result the LLM reads, and every provider request that finished.
 */
public interface TurnEvents extends ToolEvents {

    void content(String delta);

    /** The result of a tool call as the LLM reads it: a tool's own, or why the call was not run. */
    void toolResult(ToolCall call, String result);

    /**
     * One provider request that finished, reported at once, so that a failing turn still knows what it spent
     * and the ledger books the provider and model that answered (with failover, maybe not the chosen one).
     */
    void answered(CompletionResult round);
}
