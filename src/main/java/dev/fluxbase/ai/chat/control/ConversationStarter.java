package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.conversations.control.ConversationStore;
import dev.fluxbase.ai.conversations.entity.ConversationRefused;
import dev.fluxbase.ai.conversations.entity.ResumedConversation;
import dev.fluxbase.ai.conversations.entity.StoredMessage;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversation a {@code start_chat} gets. Chatbots that persist conversations store them for users
 * with an id (anonymous callers have nobody to resume them for); a stored conversation resumes on any
 * socket, but only for its owner and chatbot, and never once it expired. Conversations that are not
 * stored live as long as their socket: an id this socket does not know starts a new one, as in Fluxbase.
 */
@ApplicationScoped
public class ConversationStarter {

    @Inject
    ConversationStore store;

    @Inject
    ServerClock clock;

    Conversation start(ChatConnection connection, ChatbotDefinition chatbot, ChatIdentity identity, Optional<String> requestedId) {
        if (requestedId.isEmpty()) {
            return fresh(chatbot, identity);
        }
        String id = requestedId.get();
        if (stores(chatbot, identity)) {
            return resumeStored(connection, id, chatbot, identity).orElseThrow(ConversationRefused::notFound);
        }
        if (chatbot.settings().persistConversations()) {
            // Asked to resume a stored conversation, but there is nobody to own one: never start another silently.
            return connection.resumable(id, chatbot, identity).orElseThrow(ConversationRefused::notFound);
        }
        return connection.resumable(id, chatbot, identity).orElseGet(() -> fresh(chatbot, identity));
    }

    private Conversation fresh(ChatbotDefinition chatbot, ChatIdentity identity) {
        if (!stores(chatbot, identity)) {
            return new Conversation(UUID.randomUUID().toString(), chatbot, identity);
        }
        UUID id = store.create(chatbot.id(), identity.userId(), clock.now());
        return new Conversation(id.toString(), chatbot, identity, true, 0, List.of());
    }

    /** The database decides even when this socket holds the conversation: it may have expired or been deleted. */
    private Optional<Conversation> resumeStored(ChatConnection connection, String id, ChatbotDefinition chatbot, ChatIdentity identity) {
        return Ids.parse(id).flatMap(uuid -> store.resume(uuid, chatbot.id(), identity.userId(), clock.now()))
                .map(resumed -> connection.resumable(id, chatbot, identity).orElseGet(() -> conversation(resumed, chatbot, identity)));
    }

    private static Conversation conversation(ResumedConversation resumed, ChatbotDefinition chatbot, ChatIdentity identity) {
        List<ChatMessage> history = resumed.messages().stream()
                .map(m -> StoredMessage.USER.equals(m.role()) ? ChatMessage.user(m.content()) : ChatMessage.assistant(m.content()))
                .toList();
        return new Conversation(resumed.id().toString(), chatbot, identity, true, resumed.turnCount(), history);
    }

    private static boolean stores(ChatbotDefinition chatbot, ChatIdentity identity) {
        return chatbot.settings().persistConversations() && identity.userId() != null;
    }
}
