package dev.fluxbase.ai.conversations.entity;

import dev.fluxbase.ai.platform.entity.CodedException;

/** A conversation that cannot go on: unknown, not the caller's, expired, or at its turn limit. */
public class ConversationRefused extends CodedException {

    public static final String CONVERSATION_NOT_FOUND = "CONVERSATION_NOT_FOUND";
    public static final String TURN_LIMIT = "TURN_LIMIT";

    private ConversationRefused(String code, String message) {
        super(code, message);
    }

    /** One answer for unknown, foreign and expired ids, so that nobody learns which ids exist. */
    public static ConversationRefused notFound() {
        return new ConversationRefused(CONVERSATION_NOT_FOUND, "Conversation not found");
    }

    public static ConversationRefused turnLimit() {
        return new ConversationRefused(TURN_LIMIT, "Conversation turn limit reached");
    }
}
