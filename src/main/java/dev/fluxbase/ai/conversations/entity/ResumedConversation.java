package dev.fluxbase.ai.conversations.entity;

import java.util.List;
import java.util.UUID;

/** A stored conversation taken up again by a new connection: its turns so far and its messages. */
public record ResumedConversation(UUID id, int turnCount, List<StoredMessage> messages) {

    public ResumedConversation {
        messages = List.copyOf(messages);
    }
}
