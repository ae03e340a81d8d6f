package dev.fluxbase.ai.conversations.control;

import dev.fluxbase.ai.conversations.entity.ConversationDetail;
import dev.fluxbase.ai.conversations.entity.ConversationPage;
import dev.fluxbase.ai.conversations.entity.ConversationSummary;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** A user's own conversations, alive ones only: list, read, rename, delete. */
@ApplicationScoped
@Transactional
public class OwnConversations {

    private static final String FROM = " FROM ai.conversations c JOIN ai.chatbots b ON b.id = c.chatbot_id WHERE c.user_id = ? AND "
            + ConversationStore.ALIVE;
    private static final String SUMMARY = "SELECT c.id, b.name, b.namespace, c.title, "
            + "(SELECT left(m.content, 50) FROM ai.messages m WHERE m.conversation_id = c.id AND m.role = 'user' ORDER BY m.ordinal LIMIT 1), "
            + "(SELECT count(*) FROM ai.messages m WHERE m.conversation_id = c.id), c.created_at, c.updated_at";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    /** Newest first; {@code chatbot} and {@code namespace} filter when present. */
    public ConversationPage list(String userId, Optional<String> chatbot, Optional<String> namespace, int limit, int offset, Instant now) {
        String filters = chatbot.map(c -> " AND b.name = ?").orElse("") + namespace.map(n -> " AND b.namespace = ?").orElse("");
        List<ConversationSummary> page = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SUMMARY + FROM + filters
                    + " ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?")) {
                int next = bind(select, userId, chatbot, namespace, now);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                return summaries(select);
            }
        });
        long total = Jdbc.run(dataSource, connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + FROM + filters)) {
                bind(count, userId, chatbot, namespace, now);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return new ConversationPage(page, total);
    }

    public Optional<ConversationDetail> find(UUID id, String userId, Instant now) {
        return summary(id, userId, now).map(summary -> new ConversationDetail(summary,
                em.createNamedQuery(StoredMessage.OF_CONVERSATION, StoredMessage.class).setParameter("conversationId", id).getResultList()));
    }

    /** Renaming is not activity: it does not keep the conversation from expiring. */
    public Optional<ConversationDetail> rename(UUID id, String userId, String title, Instant now) {
        if (summary(id, userId, now).isEmpty()) {
            return Optional.empty();
        }
        Jdbc.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.conversations SET title = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, title);
                update.setObject(2, Jdbc.utc(now));
                update.setObject(3, id);
                return update.executeUpdate();
            }
        });
        return find(id, userId, now);
    }

    /** Deletes it with its messages (they cascade). */
    public boolean delete(UUID id, String userId, Instant now) {
        if (summary(id, userId, now).isEmpty()) {
            return false;
        }
        return Jdbc.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai.conversations WHERE id = ? AND user_id = ?")) {
                delete.setObject(1, id);
                delete.setString(2, userId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private Optional<ConversationSummary> summary(UUID id, String userId, Instant now) {
        return Jdbc.run(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SUMMARY + FROM + " AND c.id = ?")) {
                select.setString(1, userId);
                select.setObject(2, Jdbc.utc(now));
                select.setObject(3, id);
                return summaries(select).stream().findFirst();
            }
        });
    }

    private static int bind(PreparedStatement statement, String userId, Optional<String> chatbot, Optional<String> namespace, Instant now)
            throws SQLException {
        int index = 1;
        statement.setString(index++, userId);
        statement.setObject(index++, Jdbc.utc(now));
        if (chatbot.isPresent()) {
            statement.setString(index++, chatbot.get());
        }
        if (namespace.isPresent()) {
            statement.setString(index++, namespace.get());
        }
        return index;
    }

    private static List<ConversationSummary> summaries(PreparedStatement select) throws SQLException {
        List<ConversationSummary> summaries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                summaries.add(new ConversationSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5) == null ? "" : row.getString(5), row.getInt(6),
                        row.getObject(7, java.time.OffsetDateTime.class).toInstant(), row.getObject(8, java.time.OffsetDateTime.class).toInstant()));
            }
        }
        return summaries;
    }
}
