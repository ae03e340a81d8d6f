package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.conversations.control.ConversationPseudonyms;
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
 * with an id (anonymous callers have nobody to resume them for), from their first admitted question on;
 * a stored conversation resumes on any socket, but only for its owner and chatbot, and never once it
 * expired. Conversations that are not stored live as long as their socket: an id this socket does not
 * know starts a new one, as in Fluxbase. New conversations and ones a socket takes up count against
 * {@link StartChatLimits}.
 */
@ApplicationScoped
public class ConversationStarter {

    @Inject
    ConversationStore store;

    @Inject
    ConversationPseudonyms pseudonyms;

    @Inject
    StartChatLimits limits;

    @Inject
    ServerClock clock;

    Conversation start(ChatConnection connection, ChatbotDefinition chatbot, ChatIdentity identity, Optional<String> requestedId) {
        if (requestedId.isEmpty()) {
            return fresh(connection, chatbot, identity);
        }
        String id = requestedId.get();
        if (stores(chatbot, identity)) {
            return resumeStored(connection, id, chatbot, identity).orElseThrow(ConversationRefused::notFound);
        }
        if (chatbot.settings().conversations().persist()) {
            // Asked to resume a stored conversation, but there is nobody to own one: never start another silently.
            return connection.resumable(id, chatbot, identity).orElseThrow(ConversationRefused::notFound);
        }
        return connection.resumable(id, chatbot, identity).orElseGet(() -> fresh(connection, chatbot, identity));
    }

    /** Nothing is stored yet: {@link TurnAdmission} stores it with its first question, under this id. */
    private Conversation fresh(ChatConnection connection, ChatbotDefinition chatbot, ChatIdentity identity) {
        limits.checkRoom(connection);
        limits.countNew(connection);
        return Conversation.start(UUID.randomUUID().toString(), chatbot, identity, stores(chatbot, identity));
    }

    /**
     * The database decides even when this socket holds the conversation: it may have expired or been deleted.
     * One that is not stored yet (no question admitted) exists only on the socket that started it.
     */
    private Optional<Conversation> resumeStored(ChatConnection connection, String id, ChatbotDefinition chatbot, ChatIdentity identity) {
        Optional<Conversation> held = connection.resumable(id, chatbot, identity);
        if (held.isPresent() && !held.get().stored()) {
            return held;
        }
        if (held.isEmpty()) {
            limits.checkRoom(connection);
        }
        return Ids.parse(id).flatMap(uuid -> store.resume(uuid, chatbot.id(), identity.userId(), clock.now()))
                .map(resumed -> held.orElseGet(() -> conversation(resumed, chatbot, identity)));
    }

    /** Taken up with its stored pseudonyms, so that a value it read before keeps its pseudonym. */
    private Conversation conversation(ResumedConversation resumed, ChatbotDefinition chatbot, ChatIdentity identity) {
        List<ChatMessage> history = resumed.messages().stream()
                .map(m -> StoredMessage.USER.equals(m.role()) ? ChatMessage.user(m.content()) : ChatMessage.assistant(m.content()))
                .toList();
        return Conversation.resume(resumed.id().toString(), chatbot, identity, resumed.turnCount(), history, pseudonyms.of(resumed.id()));
    }

    private static boolean stores(ChatbotDefinition chatbot, ChatIdentity identity) {
        return chatbot.settings().conversations().persist() && identity.userId() != null;
    }
}
