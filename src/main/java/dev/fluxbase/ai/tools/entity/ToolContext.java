package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.IntentChecks;
import dev.fluxbase.ai.chatbots.entity.QueryRules;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;

/**
 * Everything a tool call may use: the chatbot, the conversation, who asks, how to stop, how many bytes of
 * its result the LLM may read ({@code @fluxbase:max-tool-result-bytes}, or the server's default), the chatbot's
 * intent rules as this turn's question applies them, where the call came from (the audit log records it), and the
 * pseudonyms that stand for sensitive values in what the LLM reads ({@link Pseudonyms#off()} when nothing is masked).
 */
public record ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
        ToolEvents events, int maxResultBytes, IntentChecks intents, ToolChannel channel, Pseudonyms pseudonyms) {

    /** A call from {@code channel} whose results are not masked. */
    public ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
            ToolEvents events, int maxResultBytes, IntentChecks intents, ToolChannel channel) {
        this(chatbot, conversationId, identity, cancel, events, maxResultBytes, intents, channel, Pseudonyms.off());
    }

    /** A call of a chat turn's LLM, which reads sensitive values as {@code pseudonyms}. */
    public ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
            ToolEvents events, int maxResultBytes, IntentChecks intents, Pseudonyms pseudonyms) {
        this(chatbot, conversationId, identity, cancel, events, maxResultBytes, intents, ToolChannel.CHAT, pseudonyms);
    }

    /** A call of a chat turn's LLM that masks nothing. */
    public ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
            ToolEvents events, int maxResultBytes, IntentChecks intents) {
        this(chatbot, conversationId, identity, cancel, events, maxResultBytes, intents, ToolChannel.CHAT, Pseudonyms.off());
    }

    /** A context without intent rules. */
    public ToolContext(ChatbotDefinition chatbot, String conversationId, DatabaseIdentity identity, CancelSignal cancel,
            ToolEvents events, int maxResultBytes) {
        this(chatbot, conversationId, identity, cancel, events, maxResultBytes, new IntentChecks(QueryRules.defaults(), ""));
    }
}
