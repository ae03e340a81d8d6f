package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotsSynced;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Links from {@code @fluxbase:knowledge-base}, with {@code rag-max-chunks} and {@code rag-similarity-threshold}:
 * made when a chatbot file is created or changed, and when a knowledge base it names is created later.
 * A name means the knowledge base of the chatbot's namespace, else of {@code default}. Links are added
 * or updated, never removed here: an administrator's links through the API stay.
 */
@ApplicationScoped
public class AnnotationLinks {

    private static final Logger LOG = Logger.getLogger(AnnotationLinks.class.getName());
    private static final String UPSERT = "INSERT INTO ai.chatbot_knowledge_bases (chatbot_id, knowledge_base_id, priority, max_chunks, "
            + "similarity_threshold) SELECT c.id, kb.id, 1, c.rag_max_chunks, c.rag_similarity_threshold "
            + "FROM ai.chatbots c CROSS JOIN LATERAL unnest(c.knowledge_bases) AS wanted(name) "
            + "JOIN LATERAL (SELECT k.id FROM ai.knowledge_bases k WHERE k.name = wanted.name AND k.namespace IN (c.namespace, 'default') "
            + "ORDER BY (k.namespace = c.namespace) DESC LIMIT 1) kb ON true WHERE %s "
            + "ON CONFLICT (chatbot_id, knowledge_base_id) DO UPDATE SET max_chunks = excluded.max_chunks, "
            + "similarity_threshold = excluded.similarity_threshold, enabled = true";

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    void chatbotsSynced(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatbotsSynced synced) {
        link("c.namespace = ? AND c.name = ANY(?)", synced.namespace(), synced.changedNames());
    }

    public void knowledgeBaseCreated(UUID knowledgeBaseId) {
        link("kb.id = ?", knowledgeBaseId, null);
    }

    /** A failure here must not fail the sync or the creation that triggered it: it is logged. */
    private void link(String condition, Object first, List<String> names) {
        try {
            Object[] parameters = names == null ? new Object[] {first} : new Object[] {first, new Jdbc.TextArray(names)};
            jdbc.inLocalTransaction(connection -> Jdbc.update(connection, String.format(UPSERT, condition), parameters));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not link knowledge bases named by chatbot annotations: {0}", e.getMessage());
        }
    }
}
