package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.ConfigChanges;
import dev.fluxbase.ai.platform.entity.GenerationCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retrieval for a chat turn: the chunks of the chatbot's enabled links (each with its own most chunks, least
 * similarity and, for a filtered link, the documents the turn's user may see), ranked together, best first, and
 * capped as a whole by the chatbot's {@code rag-max-chunks}. A failure costs the turn its context, never the turn.
 * The links are read once per generation of the configuration ({@link ConfigChanges}).
 */
@ApplicationScoped
public class Retriever {

    private static final Logger LOG = Logger.getLogger(Retriever.class.getName());

    @Inject
    LinkStore links;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    KnowledgeSearch search;

    @Inject
    ConfigChanges changes;

    private final GenerationCache<UUID, List<KnowledgeLink>> linked = new GenerationCache<>();

    /**
     * What to search for this chatbot on behalf of this user (null: anonymous), each link with the documents it lets
     * the user see; empty when it has no enabled link to an enabled knowledge base.
     */
    public List<SearchRequest> requestsFor(UUID chatbotId, String userId) {
        if (chatbotId == null) {
            return List.of();
        }
        try {
            return linked.get(chatbotId, changes.generation(), this::read).stream()
                    .map(link -> new SearchRequest(link.knowledgeBaseId(), link.maxChunks(), link.similarityThreshold(), link.scopeFor(userId)))
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the knowledge-base links of chatbot {0}: {1}", new Object[] {chatbotId, e.getMessage()});
            return List.of();
        }
    }

    private List<KnowledgeLink> read(UUID chatbotId) {
        return links.ofChatbot(chatbotId).stream().filter(KnowledgeLink::enabled)
                .filter(link -> knowledgeBases.find(link.knowledgeBaseId()).filter(KnowledgeBase::enabled).isPresent())
                .toList();
    }

    /** At most {@code maxChunks} chunks of all the requests together, the best first; none when retrieval fails. */
    public List<SearchHit> retrieve(String question, List<SearchRequest> requests, int maxChunks) {
        try {
            return search.search(question, requests, maxChunks);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retrieval failed; answering without knowledge-base context: {0}", e.getMessage());
            return List.of();
        }
    }

    /** The retrieved chunks as a system-prompt section, or empty when nothing was found. */
    public Optional<String> context(String question, List<SearchRequest> requests, int maxChunks) {
        return Optional.of(retrieve(question, requests, maxChunks)).filter(hits -> !hits.isEmpty()).map(KnowledgeContext::format);
    }
}
