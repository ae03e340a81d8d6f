package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Chatbot ↔ knowledge-base links in {@code ai.chatbot_knowledge_bases}. */
@ApplicationScoped
public class LinkStore {

    private static final String SELECT = "SELECT " + Rows.LINK_COLUMNS + " FROM ai.chatbot_knowledge_bases l "
            + "JOIN ai.chatbots c ON c.id = l.chatbot_id JOIN ai.knowledge_bases kb ON kb.id = l.knowledge_base_id";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<KnowledgeLink> ofChatbot(UUID chatbotId) {
        return query(SELECT + " WHERE l.chatbot_id = ? ORDER BY l.priority DESC, kb.name", chatbotId);
    }

    public List<KnowledgeLink> ofKnowledgeBase(UUID knowledgeBaseId) {
        return query(SELECT + " WHERE l.knowledge_base_id = ? ORDER BY c.namespace, c.name", knowledgeBaseId);
    }

    public Optional<KnowledgeLink> find(UUID chatbotId, UUID knowledgeBaseId) {
        return query(SELECT + " WHERE l.chatbot_id = ? AND l.knowledge_base_id = ?", chatbotId, knowledgeBaseId).stream().findFirst();
    }

    public boolean chatbotExists(UUID chatbotId) {
        return !queryIds("SELECT id FROM ai.chatbots WHERE id = ?", chatbotId).isEmpty();
    }

    /** Creates the link, or sets the values of the existing one and enables it. */
    public KnowledgeLink upsert(UUID chatbotId, UUID knowledgeBaseId, int priority, int maxChunks, double threshold) {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ai.chatbot_knowledge_bases (chatbot_id, "
                    + "knowledge_base_id, priority, max_chunks, similarity_threshold) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (chatbot_id, knowledge_base_id) DO UPDATE SET priority = excluded.priority, "
                    + "max_chunks = excluded.max_chunks, similarity_threshold = excluded.similarity_threshold, enabled = true")) {
                upsert.setObject(1, chatbotId);
                upsert.setObject(2, knowledgeBaseId);
                upsert.setInt(3, priority);
                upsert.setInt(4, maxChunks);
                upsert.setDouble(5, threshold);
                upsert.executeUpdate();
            }
        });
        return find(chatbotId, knowledgeBaseId).orElseThrow();
    }

    public void save(KnowledgeLink link) {
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai.chatbot_knowledge_bases SET priority = ?, "
                    + "max_chunks = ?, similarity_threshold = ?, enabled = ? WHERE id = ?")) {
                update.setInt(1, link.priority());
                update.setInt(2, link.maxChunks());
                update.setDouble(3, link.similarityThreshold());
                update.setBoolean(4, link.enabled());
                update.setObject(5, link.id());
                update.executeUpdate();
            }
        });
    }

    public boolean delete(UUID chatbotId, UUID knowledgeBaseId) {
        int[] count = {0};
        Transactions.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ai.chatbot_knowledge_bases WHERE chatbot_id = ? AND knowledge_base_id = ?")) {
                delete.setObject(1, chatbotId);
                delete.setObject(2, knowledgeBaseId);
                count[0] = delete.executeUpdate();
            }
        });
        return count[0] > 0;
    }

    private List<KnowledgeLink> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<KnowledgeLink> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.link(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new KnowledgeException("Failed to read chatbot links: " + e.getMessage(), e);
        }
    }

    private List<UUID> queryIds(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new KnowledgeException("Failed to read chatbots: " + e.getMessage(), e);
        }
    }
}
