package dev.fluxbase.ai.conversations.entity;

import java.util.List;

/** A conversation with its messages in order. */
public record ConversationDetail(ConversationSummary summary, List<StoredMessage> messages) {

    public ConversationDetail {
        messages = List.copyOf(messages);
    }
}
