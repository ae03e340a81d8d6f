package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.conversations.control.ConversationPseudonyms;
import dev.fluxbase.ai.conversations.control.ConversationStore;
import dev.fluxbase.ai.quotas.control.UsageBook;
import dev.fluxbase.ai.quotas.entity.Outcome;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import dev.fluxbase.ai.quotas.entity.TurnUsage;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Books a finished turn before the client hears that it finished: its usage (whatever the outcome, and
 * releasing what it reserved at admission) and, for stored conversations, its answer with the pseudonyms made since the
 * conversation's table was last stored: in one transaction, so that a stored answer never names a pseudonym whose value
 * is not stored.
 */
@ApplicationScoped
@Transactional
public class TurnCompletion {

    @Inject
    ConversationStore conversations;

    @Inject
    ConversationPseudonyms pseudonyms;

    @Inject
    UsageBook usage;

    /** @return what the conversation's table of pseudonyms takes in once this transaction committed */
    public PseudonymMerge complete(Conversation conversation, QuotaSubject subject, TurnState turn, Instant now) {
        UUID conversationId = UUID.fromString(conversation.id());
        PseudonymMerge merge = PseudonymMerge.NONE;
        if (turn.outcome() == Outcome.done && conversation.persisted() && conversations.touch(conversationId, now)) {
            merge = pseudonyms.store(conversationId, conversation.pseudonyms(), now);
            // the answer names a pseudonym as stored: one that a concurrent turn stored first for another value is renamed
            conversations.storeAnswer(conversationId, merge.renamedIn(turn.answer()), turn.queryResultsJson(), turn.usage().promptTokens(),
                    turn.usage().completionTokens(), now);
        }
        usage.book(new TurnUsage(subject, conversation.chatbot().id(), conversation.chatbot().name(), conversationId, turn.providerName(),
                turn.model(), turn.usage().promptTokens(), turn.usage().completionTokens(), turn.millisUntil(now), turn.outcome(),
                turn.errorCode(), now), turn.reservation());
        return merge;
    }
}
