package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.ClientFrame;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.control.ChatbotCatalog;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Handles each client frame. Turns run on the managed executor, off the socket's read loop, so that
 * the socket keeps reading while an answer streams.
 */
@ApplicationScoped
public class ChatDispatcher {

    @Inject
    ChatbotCatalog chatbots;

    @Inject
    ChatTurn turn;

    @Resource
    ManagedExecutorService executor;

    public void handle(ChatConnection connection, String text) {
        String conversationId = null;
        try {
            ClientFrame frame = ClientFrame.parse(text);
            conversationId = frame.text("conversation_id").orElse(null);
            switch (frame.type()) {
                case "start_chat" -> startChat(connection, frame);
                case "message" -> message(connection, frame);
                default -> throw new ChatException(ChatException.UNKNOWN_TYPE, "Unknown message type: " + frame.type());
            }
        } catch (ChatException e) {
            connection.send(ServerFrames.error(conversationId, e.code(), e.getMessage()));
        }
    }

    private void startChat(ChatConnection connection, ClientFrame frame) {
        String name = frame.required("chatbot");
        String namespace = frame.text("namespace").orElse(ChatbotDefinition.DEFAULT_NAMESPACE);
        ChatbotDefinition chatbot = chatbots.find(namespace, name)
                .orElseThrow(() -> new ChatException(ChatException.CHATBOT_NOT_FOUND, "Chatbot not found or disabled"));
        Conversation conversation = new Conversation(UUID.randomUUID().toString(), chatbot);
        connection.add(conversation);
        connection.send(ServerFrames.chatStarted(conversation.id(), chatbot.name()));
    }

    private void message(ChatConnection connection, ClientFrame frame) {
        Conversation conversation = connection.conversation(frame.required("conversation_id"));
        String content = frame.required("content");
        executor.execute(() -> turn.run(connection, conversation, content));
    }
}
