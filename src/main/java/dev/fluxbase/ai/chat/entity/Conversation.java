package dev.fluxbase.ai.chat.entity;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.tools.sql.entity.Pseudonym;
import dev.fluxbase.ai.tools.sql.entity.PseudonymMerge;
import dev.fluxbase.ai.tools.sql.entity.Pseudonyms;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation: its chatbot, who it speaks for, whether it is persisted (and already stored), how many
 * questions it has taken, and the user and assistant messages so far. Tool calls and their results live
 * only inside the turn that made them. The answers hold sensitive values as the LLM wrote them, as pseudonyms, whose
 * values the conversation keeps while it is open here ({@link Pseudonyms}); a stored conversation stores them too.
 */
public final class Conversation {

    private final String id;
    private final ChatbotDefinition chatbot;
    private final ChatIdentity identity;
    private final boolean persisted;
    private final List<ChatMessage> history;
    private final Pseudonyms pseudonyms;
    private int turns;
    private boolean stored;

    private Conversation(String id, ChatbotDefinition chatbot, ChatIdentity identity, boolean persisted, boolean stored, int turns,
            List<ChatMessage> history, List<Pseudonym> storedPseudonyms) {
        this.id = id;
        this.chatbot = chatbot;
        this.identity = identity;
        this.persisted = persisted;
        this.stored = stored;
        this.turns = turns;
        this.history = new ArrayList<>(history);
        this.pseudonyms = Pseudonyms.after(history.stream().map(ChatMessage::content).toList(), storedPseudonyms);
    }

    /** A new conversation; a persisted one is stored together with its first admitted question. */
    public static Conversation start(String id, ChatbotDefinition chatbot, ChatIdentity identity, boolean persisted) {
        return new Conversation(id, chatbot, identity, persisted, false, 0, List.of(), List.of());
    }

    /** A stored conversation taken up again, with the questions it took, its messages and its stored pseudonyms. */
    public static Conversation resume(String id, ChatbotDefinition chatbot, ChatIdentity identity, int turns, List<ChatMessage> history,
            List<Pseudonym> pseudonyms) {
        return new Conversation(id, chatbot, identity, true, true, turns, history, pseudonyms);
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

    /** Kept in the database: its turns are counted and stored there. */
    public boolean persisted() {
        return persisted;
    }

    /** Persisted and already in the database, which it is from its first admitted question on. */
    public synchronized boolean stored() {
        return stored;
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public synchronized int turns() {
        return turns;
    }

    public synchronized List<ChatMessage> history() {
        return List.copyOf(history);
    }

    /**
     * An admitted question: it counts as a turn and stays in the history even if its answer fails. A persisted
     * conversation is stored from now on: the question's admission stored it.
     */
    public synchronized void recordQuestion(ChatMessage user) {
        history.add(user);
        turns++;
        stored = persisted;
    }

    public synchronized void recordAnswer(ChatMessage assistant) {
        history.add(assistant);
    }

    /**
     * The turn's answer and its new pseudonyms are stored (committed): the table takes in what the store holds, and an
     * answer that names a pseudonym the merge renamed names it as stored, so that later turns read what the store says.
     */
    public synchronized void pseudonymsStored(PseudonymMerge merge) {
        pseudonyms.merged(merge);
        if (merge.renamed().isEmpty()) {
            return;
        }
        history.replaceAll(m -> m.role() == ChatMessage.Role.ASSISTANT ? ChatMessage.assistant(merge.renamedIn(m.content())) : m);
    }
}
