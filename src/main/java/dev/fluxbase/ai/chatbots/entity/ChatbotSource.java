package dev.fluxbase.ai.chatbots.entity;

/** The text of one chatbot file to sync: from the chatbots directory or from a sync payload. */
public record ChatbotSource(String namespace, String name, String origin, String code) {
}
