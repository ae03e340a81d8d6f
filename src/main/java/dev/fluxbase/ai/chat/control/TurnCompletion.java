package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.conversations.control.ConversationStore;
import dev.fluxbase.ai.quotas.control.UsageBook;
import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TurnUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Books a finished turn before the client hears that it finished: its usage (whatever the outcome, and
 * releasing what it reserved at admission) and, for stored conversations, its answer.
 */
@ApplicationScoped
@Transactional
public class TurnCompletion {

    @Inject
    ConversationStore conversations;

    @Inject
    UsageBook usage;

    public void complete(Conversation conversation, QuotaSubject subject, TurnState turn, Instant now) {
        UUID conversationId = UUID.fromString(conversation.id());
        if (turn.outcome() == Outcome.done && conversation.persisted()) {
            conversations.finishTurn(conversationId, turn.answer(), turn.queryResultsJson(), turn.usage().promptTokens(),
                    turn.usage().completionTokens(), now);
        }
        usage.book(new TurnUsage(subject, conversation.chatbot().id(), conversation.chatbot().name(), conversationId, turn.providerName(),
                turn.model(), turn.usage().promptTokens(), turn.usage().completionTokens(), turn.millisUntil(now), turn.outcome(),
                turn.errorCode(), now), turn.reservation());
    }
}
