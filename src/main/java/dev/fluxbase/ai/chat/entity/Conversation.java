package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation: its chatbot, who it speaks for, and the user and assistant messages so far.
 * Tool calls and their results live only inside the turn that made them.
 */
public final class Conversation {

    private final String id;
    private final ChatbotDefinition chatbot;
    private final ChatIdentity identity;
    private final List<ChatMessage> history = new ArrayList<>();

    public Conversation(String id, ChatbotDefinition chatbot, ChatIdentity identity) {
        this.id = id;
        this.chatbot = chatbot;
        this.identity = identity;
    }

    public String id() {
        return id;
    }

    public ChatbotDefinition chatbot() {
        return chatbot;
    }

    public ChatIdentity identity() {
        return identity;
    }

    public synchronized List<ChatMessage> history() {
        return List.copyOf(history);
    }

    public synchronized void append(ChatMessage user, ChatMessage assistant) {
        history.add(user);
        history.add(assistant);
    }
}
