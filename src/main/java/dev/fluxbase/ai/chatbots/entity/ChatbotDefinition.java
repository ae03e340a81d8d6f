package dev.fluxbase.ai.chatbots.entity;

/**
 * A chatbot as its file defines it: identity, the raw code, the system prompt (the
 * {@code export default} template literal) and its settings.
 */
public record ChatbotDefinition(String namespace, String name, String code, String systemPrompt, ChatbotSettings settings) {

    public static final String DEFAULT_NAMESPACE = "default";

    public String qualifiedName() {
        return namespace + "/" + name;
    }
}
