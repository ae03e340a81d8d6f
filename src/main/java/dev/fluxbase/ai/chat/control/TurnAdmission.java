package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.conversations.control.ConversationStore;
import dev.fluxbase.ai.conversations.entity.ConversationRefused;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.quotas.control.QuotaGate;
import dev.fluxbase.ai.quotas.entity.Limits;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TokenReservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Lets a question through, or refuses it before the provider is called: the conversation's turn
 * limit, then the user's limits. One transaction, so a refusal by either counts nowhere; that includes
 * storing a persisted conversation with its first question, so that one refused at once leaves no row.
 */
@ApplicationScoped
@Transactional
public class TurnAdmission {

    @Inject
    ConversationStore conversations;

    @Inject
    QuotaGate quotas;

    @Inject
    ChatMetrics metrics;

    /** @return the tokens the turn now holds of its user's budget, until it is booked */
    public TokenReservation admit(Conversation conversation, QuotaSubject subject, String question, Instant now) {
        try {
            return check(conversation, subject, question, now);
        } catch (QuotaExceeded e) {
            metrics.refused(e.code());
            throw e;
        } catch (ConversationRefused e) {
            if (ErrorCodes.TURN_LIMIT.equals(e.code())) {
                metrics.refused(e.code());
            }
            throw e;
        }
    }

    private TokenReservation check(Conversation conversation, QuotaSubject subject, String question, Instant now) {
        ChatbotSettings settings = conversation.chatbot().settings();
        if (conversation.persisted()) {
            UUID id = UUID.fromString(conversation.id());
            if (!conversation.stored()) {
                conversations.store(id, conversation.chatbot().id(), conversation.identity().userId(), now);
            }
            conversations.beginTurn(id, question, settings.conversations().maxTurns(), now);
        } else if (conversation.turns() >= settings.conversations().maxTurns()) {
            throw ConversationRefused.turnLimit();
        }
        return quotas.admit(subject, conversation.chatbot().id(), Limits.of(settings), now);
    }
}
