package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;

/** A built-in tool. {@code run} never throws for bad input: problems go back to the LLM as text. */
public interface Tool {

    ToolDefinition definition();

    /**
     * What the LLM should know before it calls this tool for the chatbot: a section of the system prompt,
     * Markdown under its own heading, or nothing. Built on every turn, so what it reads from elsewhere must be cheap or cached.
     */
    default String instructions(ChatbotDefinition chatbot) {
        return "";
    }

    /** @return the tool result the LLM reads */
    String run(ToolCall call, ToolContext context);
}
