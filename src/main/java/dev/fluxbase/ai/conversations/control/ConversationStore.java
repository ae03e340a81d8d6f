package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.conversations.entity.ConversationRefused;
import dev.fluxbase.ai.conversations.entity.ResumedConversation;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The turns of persisted conversations. A conversation is alive while its last activity is younger
 * than its chatbot's TTL; past that it is gone for every purpose, even before the expiry job deletes it.
 * Conditional updates run as SQL, so that two sockets on two instances that resumed the same
 * conversation still count its turns exactly.
 */
@ApplicationScoped
@Transactional
public class ConversationStore {

    /** The condition under which a conversation (alias c, its chatbot b) still exists for its owner. */
    static final String ALIVE = "c.last_activity_at > ? - make_interval(secs => b.conversation_ttl_seconds)";
    private static final String OWNED = "SELECT c.turn_count FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id "
            + "WHERE c.id = ? AND c.chatbot_id = ? AND c.user_id = ? AND " + ALIVE;
    private static final String BEGIN_TURN = "UPDATE ai.conversations c SET turn_count = c.turn_count + 1, last_activity_at = ?, updated_at = ?, "
            + "title = coalesce(nullif(c.title, ''), ?) FROM ai.chatbots b WHERE b.id = c.chatbot_id AND c.id = ? AND c.turn_count < ? AND " + ALIVE;
    private static final String ALIVE_BY_ID = "SELECT 1 FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id WHERE c.id = ? AND " + ALIVE;
    private static final String STORE = "INSERT INTO ai.conversations (id, chatbot_id, user_id, created_at, updated_at, last_activity_at) "
            + "SELECT ?, b.id, ?, ?, ?, ? FROM ai.chatbots b WHERE b.id = ?";
    /** Marks the conversation active and locks its row until the transaction ends (also for {@link ConversationNotes}). */
    static final String TOUCH = "UPDATE ai.conversations SET last_activity_at = ?, updated_at = ? WHERE id = ?";

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, "Conversation storage");

    /**
     * Stores a conversation under the id its socket gave it, when its first question is admitted (in that
     * transaction, so that a refused question leaves nothing behind).
     *
     * @throws ConversationRefused {@code CONVERSATION_NOT_FOUND} when its chatbot was deleted meanwhile
     */
    public void store(UUID id, UUID chatbotId, String userId, Instant now) {
        if (jdbc.update(STORE, id, userId, now, now, now, chatbotId) != 1) {
            throw ConversationRefused.notFound();
        }
    }

    /** The conversation, when it is alive and this user's, for this chatbot; empty tells nothing more. */
    public Optional<ResumedConversation> resume(UUID id, UUID chatbotId, String userId, Instant now) {
        Optional<Integer> turns = jdbc.first(OWNED, row -> row.getInt(1), id, chatbotId, userId, now);
        return turns.map(count -> new ResumedConversation(id, count, em.createNamedQuery(StoredMessage.OF_CONVERSATION, StoredMessage.class)
                .setParameter("conversationId", id).getResultList()));
    }

    /**
     * Counts a turn and stores its question, or refuses it. The first question names the conversation.
     *
     * @throws ConversationRefused {@code TURN_LIMIT} at {@code maxTurns}, {@code CONVERSATION_NOT_FOUND}
     *                             when it expired or was deleted meanwhile
     */
    public void beginTurn(UUID id, String question, int maxTurns, Instant now) {
        if (jdbc.update(BEGIN_TURN, now, now, Titles.of(question), id, maxTurns, now) != 1) {
            throw isAlive(id, now) ? ConversationRefused.turnLimit() : ConversationRefused.notFound();
        }
        em.persist(StoredMessage.user(id, nextOrdinal(id), question, now));
        em.flush(); // now, not at the commit: the caller's last statement holds row locks until then
    }

    /**
     * The conversation is active now; its row stays locked until the transaction ends, so that what the transaction stores
     * next ({@link #storeAnswer}, its pseudonyms) is stored after a concurrent turn's, never interleaved with it.
     *
     * @return false when it was deleted meanwhile: a turn's answer then simply is not stored
     */
    public boolean touch(UUID id, Instant now) {
        return jdbc.update(TOUCH, now, now, id) == 1;
    }

    /** Stores the answer of a turn, in the transaction that {@link #touch touched} the conversation. */
    public void storeAnswer(UUID id, String answer, String queryResults, int promptTokens, int completionTokens, Instant now) {
        em.persist(StoredMessage.assistant(id, nextOrdinal(id), answer, queryResults, promptTokens, completionTokens, now));
        em.flush(); // as in beginTurn
    }

    /** Called while this transaction holds the conversation's row lock, so two turns never get one number. */
    private int nextOrdinal(UUID id) {
        Number last = (Number) em.createNamedQuery(StoredMessage.LAST_ORDINAL).setParameter("conversationId", id).getSingleResult();
        return last.intValue() + 1;
    }

    private boolean isAlive(UUID id, Instant now) {
        return jdbc.first(ALIVE_BY_ID, row -> true, id, now).isPresent();
    }
}
