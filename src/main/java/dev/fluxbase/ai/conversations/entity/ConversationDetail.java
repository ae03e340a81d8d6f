package dev.fluxbase.ai.conversations.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation with its messages in order, and for its owner the values of the pseudonyms those messages hold
 * (pseudonym to value, in the order they first stand there).
 */
public record ConversationDetail(ConversationSummary summary, List<StoredMessage> messages, Map<String, String> pseudonyms) {

    public ConversationDetail {
        messages = List.copyOf(messages);
        pseudonyms = Collections.unmodifiableMap(new LinkedHashMap<>(pseudonyms));
    }
}
