package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;

/** A built-in tool. {@code run} never throws for bad input: problems go back to the LLM as text. */
public interface Tool {

    ToolDefinition definition();

    /** @return the tool result the LLM reads */
    String run(ToolCall call, ToolContext context);
}
