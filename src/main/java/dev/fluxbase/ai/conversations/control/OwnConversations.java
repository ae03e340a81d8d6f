package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.conversations.entity.ConversationDetail;
import dev.fluxbase.ai.conversations.entity.ConversationPage;
import dev.fluxbase.ai.conversations.entity.ConversationSummary;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A user's own conversations, alive ones only: list, read (with the values of their pseudonyms), rename, delete. */
@ApplicationScoped
@Transactional
public class OwnConversations {

    private static final String FROM = " FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id WHERE c.user_id = ? AND "
            + ConversationStore.ALIVE;
    private static final String SUMMARY = "SELECT c.id, b.name, b.namespace, c.title, "
            + "(SELECT left(m.content, 50) FROM ai.messages m WHERE m.conversation_id = c.id AND m.role = 'user' ORDER BY m.ordinal LIMIT 1), "
            + "(SELECT count(*) FROM ai.messages m WHERE m.conversation_id = c.id), c.created_at, c.updated_at";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, "Conversation storage");

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    @Inject
    ConversationPseudonyms pseudonyms;

    /** Newest first; {@code chatbot} and {@code namespace} filter when present. */
    public ConversationPage list(String userId, Optional<String> chatbot, Optional<String> namespace, int limit, int offset, Instant now) {
        String filters = chatbot.map(c -> " AND b.name = ?").orElse("") + namespace.map(n -> " AND b.namespace = ?").orElse("");
        List<Object> parameters = new ArrayList<>(List.of(userId, now));
        chatbot.ifPresent(parameters::add);
        namespace.ifPresent(parameters::add);
        List<Object> paged = new ArrayList<>(parameters);
        paged.addAll(List.of(limit, offset));
        List<ConversationSummary> page = jdbc.list(SUMMARY + FROM + filters + " ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?",
                OwnConversations::summaryRow, paged.toArray());
        long total = jdbc.first("SELECT count(*)" + FROM + filters, row -> row.getLong(1), parameters.toArray()).orElseThrow();
        return new ConversationPage(page, total);
    }

    /** The conversation with its messages as stored, and the values of the pseudonyms they hold: its owner may read them. */
    public Optional<ConversationDetail> find(UUID id, String userId, Instant now) {
        return summary(id, userId, now).map(summary -> {
            List<StoredMessage> messages = em.createNamedQuery(StoredMessage.OF_CONVERSATION, StoredMessage.class)
                    .setParameter("conversationId", id).getResultList();
            return new ConversationDetail(summary, messages,
                    pseudonyms.revealed(id, Pseudonyms.namesIn(messages.stream().map(StoredMessage::content).toList())));
        });
    }

    /** Renaming is not activity: it does not keep the conversation from expiring. */
    public Optional<ConversationDetail> rename(UUID id, String userId, String title, Instant now) {
        if (summary(id, userId, now).isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE ai.conversations SET title = ?, updated_at = ? WHERE id = ?", title, now, id);
        return find(id, userId, now);
    }

    /** Deletes it with its messages (they cascade). */
    public boolean delete(UUID id, String userId, Instant now) {
        if (summary(id, userId, now).isEmpty()) {
            return false;
        }
        return jdbc.update("DELETE FROM ai.conversations WHERE id = ? AND user_id = ?", id, userId) == 1;
    }

    private Optional<ConversationSummary> summary(UUID id, String userId, Instant now) {
        return jdbc.first(SUMMARY + FROM + " AND c.id = ?", OwnConversations::summaryRow, userId, now, id);
    }

    private static ConversationSummary summaryRow(ResultSet row) throws SQLException {
        return new ConversationSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5) == null ? "" : row.getString(5), row.getInt(6), Jdbc.instant(row, 7), Jdbc.instant(row, 8));
    }
}
