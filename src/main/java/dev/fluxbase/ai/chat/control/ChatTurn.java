package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.providers.control.ProviderSelector;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.ChatProvider;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.CompletionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One question and its streamed answer. Every turn ends with exactly one {@code done} or {@code error}. */
@ApplicationScoped
public class ChatTurn {

    private static final Logger LOG = Logger.getLogger(ChatTurn.class.getName());
    private static final String ANONYMOUS = "anonymous";

    @Inject
    ProviderSelector providers;

    public void run(ChatConnection connection, Conversation conversation, String content) {
        String id = conversation.id();
        try {
            ChatbotDefinition chatbot = conversation.chatbot();
            ChatProvider provider = providers.providerFor(chatbot.settings().provider());
            connection.send(ServerFrames.progress(id, "thinking", "Thinking..."));
            ChatMessage question = ChatMessage.user(content);
            CompletionResult result = provider.stream(request(conversation, question),
                    delta -> connection.send(ServerFrames.content(id, delta)));
            conversation.append(question, ChatMessage.assistant(result.content()));
            connection.send(ServerFrames.done(id, result.usage()));
        } catch (CodedException e) {
            connection.send(ServerFrames.error(id, e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat turn failed", e);
            connection.send(ServerFrames.error(id, ChatException.STREAM_ERROR, "The answer could not be completed"));
        }
    }

    private static CompletionRequest request(Conversation conversation, ChatMessage question) {
        ChatbotDefinition chatbot = conversation.chatbot();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(SystemPrompt.render(chatbot.systemPrompt(),
                Map.of("user_id", ANONYMOUS, "namespace", chatbot.namespace()))));
        messages.addAll(conversation.history());
        messages.add(question);
        return new CompletionRequest(messages, chatbot.settings().maxTokens(), chatbot.settings().temperature());
    }
}
