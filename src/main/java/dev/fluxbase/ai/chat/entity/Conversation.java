package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** A conversation held by one socket: the chatbot and the exchanged messages, in order. */
public final class Conversation {

    private final String id;
    private final ChatbotDefinition chatbot;
    private final List<ChatMessage> history = new ArrayList<>();

    public Conversation(String id, ChatbotDefinition chatbot) {
        this.id = id;
        this.chatbot = chatbot;
    }

    public String id() {
        return id;
    }

    public ChatbotDefinition chatbot() {
        return chatbot;
    }

    public synchronized List<ChatMessage> history() {
        return List.copyOf(history);
    }

    public synchronized void append(ChatMessage user, ChatMessage assistant) {
        history.add(user);
        history.add(assistant);
    }
}
