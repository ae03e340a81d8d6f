package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The enabled chatbots a chat may start with, as chat turns use them. */
@ApplicationScoped
public class ChatbotCatalog {

    @Inject
    ChatbotStore store;

    public Optional<ChatbotDefinition> find(String namespace, String name) {
        return store.findEnabled(namespace, name).map(Chatbot::definition);
    }
}
