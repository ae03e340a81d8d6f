package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;

/** Everything a tool call may use: the chatbot, the conversation, who asks, and how to stop. */
public record ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
        ToolEvents events) {
}
