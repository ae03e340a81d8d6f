package dev.fluxbase.ai.conversations.entity;

import java.util.List;

/** One page of a conversation list and how many conversations match in all. */
public record ConversationPage(List<ConversationSummary> conversations, long total) {

    public ConversationPage {
        conversations = List.copyOf(conversations);
    }
}
