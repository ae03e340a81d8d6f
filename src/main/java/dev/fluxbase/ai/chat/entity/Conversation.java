package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation: its chatbot, who it speaks for, whether it is stored, how many questions it has
 * taken, and the user and assistant messages so far. Tool calls and their results live only inside
 * the turn that made them.
 */
public final class Conversation {

    private final String id;
    private final ChatbotDefinition chatbot;
    private final ChatIdentity identity;
    private final boolean persisted;
    private final List<ChatMessage> history;
    private int turns;

    public Conversation(String id, ChatbotDefinition chatbot, ChatIdentity identity) {
        this(id, chatbot, identity, false, 0, List.of());
    }

    /** @param turns the questions it took before (a resumed conversation) */
    public Conversation(String id, ChatbotDefinition chatbot, ChatIdentity identity, boolean persisted, int turns, List<ChatMessage> history) {
        this.id = id;
        this.chatbot = chatbot;
        this.identity = identity;
        this.persisted = persisted;
        this.turns = turns;
        this.history = new ArrayList<>(history);
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

    /** Stored in the database: its turns are counted and kept there. */
    public boolean persisted() {
        return persisted;
    }

    public synchronized int turns() {
        return turns;
    }

    public synchronized List<ChatMessage> history() {
        return List.copyOf(history);
    }

    /** An admitted question: it counts as a turn and stays in the history even if its answer fails. */
    public synchronized void recordQuestion(ChatMessage user) {
        history.add(user);
        turns++;
    }

    public synchronized void recordAnswer(ChatMessage assistant) {
        history.add(assistant);
    }
}
