package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.providers.entity.TokenUsage;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.entity.ToolEvents;

/**
 * What a turn's {@link ToolLoop} reports while it runs, beyond what its tools report: the streamed answer,
 * every tool result the LLM reads, and the usage of every provider request that finished.
 */
public interface TurnEvents extends ToolEvents {

    void content(String delta);

    /** The result of a tool call as the LLM reads it: a tool's own, or why the call was not run. */
    void toolResult(ToolCall call, String result);

    /** The usage of one provider request, reported when it finishes, so that a failing turn still knows what it spent. */
    void usage(TokenUsage round);
}
