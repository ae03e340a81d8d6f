package dev.fluxbase.ai.conversations.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;

/** A conversation that cannot go on: unknown, not the caller's, expired, or at its turn limit. */
public class ConversationRefused extends CodedException {

    private ConversationRefused(String code, String message) {
        super(code, message);
    }

    /** One answer for unknown, foreign and expired ids, so that nobody learns which ids exist. */
    public static ConversationRefused notFound() {
        return new ConversationRefused(ErrorCodes.CONVERSATION_NOT_FOUND, "Conversation not found");
    }

    public static ConversationRefused turnLimit() {
        return new ConversationRefused(ErrorCodes.TURN_LIMIT, "Conversation turn limit reached");
    }
}
