package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.Conversation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client socket: where its frames go and the conversations it has started. */
public final class ChatConnection {

    private final FrameSink sink;
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    public ChatConnection(FrameSink sink) {
        this.sink = sink;
    }

    public void send(String frame) {
        sink.send(frame);
    }

    void add(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    Conversation conversation(String id) {
        Conversation conversation = conversations.get(id);
        if (conversation == null) {
            throw new ChatException(ChatException.NO_SESSION, "No active chat session for conversation " + id + "; send start_chat first");
        }
        return conversation;
    }
}
