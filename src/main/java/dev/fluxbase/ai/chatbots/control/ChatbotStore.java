package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads and writes stored chatbots. */
@ApplicationScoped
@Transactional
public class ChatbotStore {

    @PersistenceContext(unitName = "fluxbase")
    EntityManager em;

    public List<Chatbot> all(Optional<String> namespace) {
        return namespace
                .map(ns -> em.createNamedQuery(Chatbot.IN_NAMESPACE, Chatbot.class).setParameter("namespace", ns).getResultList())
                .orElseGet(() -> em.createNamedQuery(Chatbot.ALL, Chatbot.class).getResultList());
    }

    public List<Chatbot> published() {
        return em.createNamedQuery(Chatbot.PUBLISHED, Chatbot.class).getResultList();
    }

    public List<Chatbot> publishedNamed(String name) {
        return em.createNamedQuery(Chatbot.BY_NAME, Chatbot.class).setParameter("name", name).getResultList()
                .stream().filter(c -> c.enabled() && c.audience().isPublic()).toList();
    }

    public Optional<Chatbot> find(UUID id) {
        return Optional.ofNullable(em.find(Chatbot.class, id));
    }

    public Optional<Chatbot> findEnabled(String namespace, String name) {
        return em.createNamedQuery(Chatbot.IDENTIFIED, Chatbot.class).setParameter("namespace", namespace).setParameter("name", name)
                .getResultList().stream().filter(Chatbot::enabled).findFirst();
    }

    /** Applies a change to a chatbot in one transaction and returns it as stored. */
    public Optional<Chatbot> update(UUID id, Consumer<Chatbot> change) {
        Chatbot chatbot = em.find(Chatbot.class, id);
        if (chatbot == null) {
            return Optional.empty();
        }
        change.accept(chatbot);
        chatbot.markUpdated();
        em.flush();
        return Optional.of(chatbot);
    }

    public boolean providerExists(UUID providerId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM ai.providers WHERE id = ?1").setParameter(1, providerId)
                .getSingleResult()).longValue() > 0;
    }

    public boolean delete(UUID id) {
        Chatbot chatbot = em.find(Chatbot.class, id);
        if (chatbot == null) {
            return false;
        }
        em.remove(chatbot);
        return true;
    }
}
