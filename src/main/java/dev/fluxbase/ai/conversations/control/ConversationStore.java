package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.conversations.entity.ConversationRefused;
import dev.fluxbase.ai.conversations.entity.ResumedConversation;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    static final String ALIVE = "c.last_activity_at > ? - make_interval(hours => b.conversation_ttl_hours)";
    private static final String OWNED = "SELECT c.turn_count FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id "
            + "WHERE c.id = ? AND c.chatbot_id = ? AND c.user_id = ? AND " + ALIVE;
    private static final String BEGIN_TURN = "UPDATE ai.conversations c SET turn_count = c.turn_count + 1, last_activity_at = ?, updated_at = ?, "
            + "title = coalesce(nullif(c.title, ''), ?) FROM ai.chatbots b WHERE b.id = c.chatbot_id AND c.id = ? AND c.turn_count < ? AND " + ALIVE;
    private static final String ALIVE_BY_ID = "SELECT 1 FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id WHERE c.id = ? AND " + ALIVE;
    private static final String STORE = "INSERT INTO ai.conversations (id, chatbot_id, user_id, created_at, updated_at, last_activity_at) "
            + "SELECT ?, b.id, ?, ?, ?, ? FROM ai.chatbots b WHERE b.id = ?";
    private static final String TOUCH = "UPDATE ai.conversations SET last_activity_at = ?, updated_at = ? WHERE id = ?";

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Stores a conversation under the id its socket gave it, when its first question is admitted (in that
     * transaction, so that a refused question leaves nothing behind).
     *
     * @throws ConversationRefused {@code CONVERSATION_NOT_FOUND} when its chatbot was deleted meanwhile
     */
    public void store(UUID id, UUID chatbotId, String userId, Instant now) {
        boolean stored = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(STORE)) {
                insert.setObject(1, id);
                insert.setString(2, userId);
                insert.setObject(3, Jdbc.utc(now));
                insert.setObject(4, Jdbc.utc(now));
                insert.setObject(5, Jdbc.utc(now));
                insert.setObject(6, chatbotId);
                return insert.executeUpdate() == 1;
            }
        });
        if (!stored) {
            throw ConversationRefused.notFound();
        }
    }

    /** The conversation, when it is alive and this user's, for this chatbot; empty tells nothing more. */
    public Optional<ResumedConversation> resume(UUID id, UUID chatbotId, String userId, Instant now) {
        Optional<Integer> turns = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(OWNED)) {
                select.setObject(1, id);
                select.setObject(2, chatbotId);
                select.setString(3, userId);
                select.setObject(4, Jdbc.utc(now));
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getInt(1)) : Optional.<Integer>empty();
                }
            }
        });
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
        boolean counted = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(BEGIN_TURN)) {
                update.setObject(1, Jdbc.utc(now));
                update.setObject(2, Jdbc.utc(now));
                update.setString(3, Titles.of(question));
                update.setObject(4, id);
                update.setInt(5, maxTurns);
                update.setObject(6, Jdbc.utc(now));
                return update.executeUpdate() == 1;
            }
        });
        if (!counted) {
            throw isAlive(id, now) ? ConversationRefused.turnLimit() : ConversationRefused.notFound();
        }
        em.persist(StoredMessage.user(id, nextOrdinal(id), question, now));
        em.flush(); // now, not at the commit: the caller's last statement holds row locks until then
    }

    /** Stores the answer of a turn; a conversation deleted meanwhile simply does not get it. */
    public void finishTurn(UUID id, String answer, String queryResults, int promptTokens, int completionTokens, Instant now) {
        boolean exists = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                touch.setObject(1, Jdbc.utc(now));
                touch.setObject(2, Jdbc.utc(now));
                touch.setObject(3, id);
                return touch.executeUpdate() == 1;
            }
        });
        if (exists) {
            em.persist(StoredMessage.assistant(id, nextOrdinal(id), answer, queryResults, promptTokens, completionTokens, now));
            em.flush(); // as in beginTurn
        }
    }

    /** Called while this transaction holds the conversation's row lock, so two turns never get one number. */
    private int nextOrdinal(UUID id) {
        Number last = (Number) em.createNamedQuery(StoredMessage.LAST_ORDINAL).setParameter("conversationId", id).getSingleResult();
        return last.intValue() + 1;
    }

    private boolean isAlive(UUID id, Instant now) {
        return Jdbc.run(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALIVE_BY_ID)) {
                select.setObject(1, id);
                select.setObject(2, Jdbc.utc(now));
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }
}
