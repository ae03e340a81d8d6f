package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;

/**
 * Everything a tool call may use: the chatbot, the conversation, who asks, how to stop, and how many bytes of
 * its result the LLM may read ({@code @fluxbase:max-tool-result-bytes}, or the server's default).
 */
public record ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
        ToolEvents events, int maxResultBytes) {
}
