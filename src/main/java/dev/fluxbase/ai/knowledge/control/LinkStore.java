package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.knowledge.entity.LinkSettings;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Chatbot ↔ knowledge-base links in {@code ai.chatbot_knowledge_bases}. */
@ApplicationScoped
public class LinkStore {

    private static final String SELECT = "SELECT " + Rows.LINK_COLUMNS + " FROM ai.chatbot_knowledge_bases l "
            + "JOIN ai.chatbots c ON c.id = l.chatbot_id JOIN ai.knowledge_bases kb ON kb.id = l.knowledge_base_id";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public List<KnowledgeLink> ofChatbot(UUID chatbotId) {
        return jdbc.list(SELECT + " WHERE l.chatbot_id = ? ORDER BY l.priority DESC, kb.name", Rows::link, chatbotId);
    }

    public List<KnowledgeLink> ofKnowledgeBase(UUID knowledgeBaseId) {
        return jdbc.list(SELECT + " WHERE l.knowledge_base_id = ? ORDER BY c.namespace, c.name", Rows::link, knowledgeBaseId);
    }

    public Optional<KnowledgeLink> find(UUID chatbotId, UUID knowledgeBaseId) {
        return jdbc.first(SELECT + " WHERE l.chatbot_id = ? AND l.knowledge_base_id = ?", Rows::link, chatbotId, knowledgeBaseId);
    }

    public boolean chatbotExists(UUID chatbotId) {
        return jdbc.first("SELECT id FROM ai.chatbots WHERE id = ?", row -> true, chatbotId).isPresent();
    }

    /**
     * Creates the link, or sets the values of the existing one and enables it. A null access level or filter keeps the
     * existing link's (a new one gets {@code full} and none): linking again never widens what a filtered link retrieves.
     */
    public KnowledgeLink upsert(UUID chatbotId, UUID knowledgeBaseId, LinkSettings settings) {
        String access = settings.accessLevel() == null ? null : settings.accessLevel().wireName();
        String filter = settings.filterExpression() == null ? null : FilterJson.text(settings.filterExpression());
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "INSERT INTO ai.chatbot_knowledge_bases AS l (chatbot_id, "
                + "knowledge_base_id, priority, max_chunks, similarity_threshold, access_level, filter_expression) "
                + "VALUES (?, ?, ?, ?, ?, coalesce(?, 'full'), coalesce(cast(? AS jsonb), '{}'::jsonb)) "
                + "ON CONFLICT (chatbot_id, knowledge_base_id) DO UPDATE SET priority = excluded.priority, "
                + "max_chunks = excluded.max_chunks, similarity_threshold = excluded.similarity_threshold, enabled = true, "
                + "access_level = coalesce(?, l.access_level), filter_expression = coalesce(cast(? AS jsonb), l.filter_expression), "
                + "updated_at = now()",
                chatbotId, knowledgeBaseId, settings.priority(), settings.maxChunks(), settings.threshold(), access, filter, access, filter));
        return find(chatbotId, knowledgeBaseId).orElseThrow();
    }

    public void save(KnowledgeLink link) {
        jdbc.inLocalTransaction(connection -> Jdbc.update(connection, "UPDATE ai.chatbot_knowledge_bases SET priority = ?, "
                + "max_chunks = ?, similarity_threshold = ?, enabled = ?, access_level = ?, filter_expression = cast(? AS jsonb), "
                + "updated_at = now() WHERE id = ?", link.priority(), link.maxChunks(), link.similarityThreshold(), link.enabled(),
                link.accessLevel().wireName(), FilterJson.text(link.filterExpression()), link.id()));
    }

    public boolean delete(UUID chatbotId, UUID knowledgeBaseId) {
        return jdbc.inLocalTransaction(connection -> Jdbc.update(connection,
                "DELETE FROM ai.chatbot_knowledge_bases WHERE chatbot_id = ? AND knowledge_base_id = ?", chatbotId, knowledgeBaseId)) > 0;
    }
}
