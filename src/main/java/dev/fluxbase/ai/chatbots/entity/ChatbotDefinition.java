package dev.fluxbase.ai.chatbots.entity;

import java.util.UUID;

/**
 * A chatbot as its file defines it: identity, the raw code, the system prompt (the
 * {@code export default} template literal) and its settings. {@code id} is null until it is stored;
 * {@code providerId} is the provider an admin chose for it (null: by name or the default).
 */
public record ChatbotDefinition(UUID id, String namespace, String name, String code, String systemPrompt, ChatbotSettings settings,
        UUID providerId) {

    public static final String DEFAULT_NAMESPACE = "default";

    public ChatbotDefinition(String namespace, String name, String code, String systemPrompt, ChatbotSettings settings) {
        this(null, namespace, name, code, systemPrompt, settings, null);
    }

    /** The same chatbot with other allowed hosts (resolved for one turn). */
    public ChatbotDefinition withWebAccess(WebAccess web) {
        return new ChatbotDefinition(id, namespace, name, code, systemPrompt, settings.withWebAccess(web), providerId);
    }

    public String qualifiedName() {
        return namespace + "/" + name;
    }
}
