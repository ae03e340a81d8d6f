package dev.fluxbase.ai.chatbots.entity;

import java.util.List;

/** A chatbot file as read: its definition and what of the file it does not honour. */
public record ParsedChatbot(ChatbotDefinition definition, List<LoadWarning> warnings) {

    public ParsedChatbot {
        warnings = List.copyOf(warnings);
    }
}
