package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.ClientFrame;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.control.ChatbotCatalog;
import dev.fluxbase.ai.chatbots.control.RoleGate;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.container.ContextLoaders;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles each client frame. Frames are answered on the socket's read thread, but turns run on the
 * managed executor, so the socket keeps reading (a {@code cancel} arrives while an answer streams).
 */
@ApplicationScoped
public class ChatDispatcher {

    private static final Logger LOG = Logger.getLogger(ChatDispatcher.class.getName());

    @Inject
    ChatbotCatalog chatbots;

    @Inject
    ChatTurn turn;

    @Inject
    IdentityFactory identities;

    @Inject
    ConversationStarter starter;

    @Inject
    CallerResolver callers;

    @Inject
    ChatShutdown shutdown;

    @Inject
    WriteDecisions writes;

    @Resource
    ManagedExecutorService executor;

    private Executor turns;

    @PostConstruct
    void init() {
        turns = ContextLoaders.handingOverLightly(executor, ChatDispatcher.class.getClassLoader());
    }

    /** Handles a complete text message (the socket boundary refused those over the size limit). */
    public void handle(ChatConnection connection, String text) {
        String conversationId = null;
        try {
            ClientFrame frame = ClientFrame.parse(text);
            conversationId = frame.text("conversation_id").orElse(null);
            switch (frame.type()) {
                case "start_chat" -> {
                    checkAccepting(connection);
                    startChat(connection, frame);
                }
                case "message" -> {
                    checkAccepting(connection);
                    message(connection, frame);
                }
                case "cancel" -> cancel(connection, frame);
                case "confirm_write" -> {
                    checkAccepting(connection);
                    decideWrite(connection, frame, true);
                }
                case "cancel_write" -> decideWrite(connection, frame, false);
                default -> throw new ChatException(ErrorCodes.UNKNOWN_TYPE, "Unknown message type: " + frame.type());
            }
        } catch (CodedException e) {
            connection.send(ChatTurn.errorFrame(conversationId, e));
        } catch (RuntimeException e) {
            // A fault of ours (or of the database) ends this request, not the socket: the client hears it, the log keeps why.
            LOG.log(Level.SEVERE, "Could not handle a chat frame on conversation " + conversationId, e);
            connection.send(ServerFrames.error(conversationId, ErrorCodes.INTERNAL_ERROR, "Internal error: the request could not be handled"));
        }
    }

    /**
     * New work needs a server that is not shutting down and a token that has not run out; cancel needs neither.
     * Token times are the identity provider's wall-clock times, so they are read against the system clock, as
     * {@code TokenVerifier} does, never against the testing offset of {@code ServerClock}.
     */
    private void checkAccepting(ChatConnection connection) {
        shutdown.checkOpen();
        connection.checkTokenLifetime(Instant.now());
    }

    private void startChat(ChatConnection connection, ClientFrame frame) {
        String name = frame.required("chatbot");
        String namespace = frame.text("namespace").orElse(ChatbotDefinition.DEFAULT_NAMESPACE);
        Caller caller = connection.caller();
        ChatbotDefinition chatbot = chatbots.find(namespace, name)
                .orElseThrow(() -> new ChatException(ErrorCodes.CHATBOT_NOT_FOUND, "Chatbot not found or disabled"));
        // before anything else about the chatbot, so that a resumed conversation is refused alike
        RoleGate.requireAdmitted(chatbot.settings().audience(), caller, callers.isAdmin(caller));
        ChatIdentity identity = identity(caller, frame.text("impersonate_user_id"));
        if (identity.anonymous() && !chatbot.settings().audience().allowUnauthenticated()) {
            throw new ChatException(ErrorCodes.AUTH_REQUIRED, "Authentication required");
        }
        Conversation conversation = starter.start(connection, chatbot, identity, frame.text("conversation_id"));
        connection.add(conversation);
        connection.send(ServerFrames.chatStarted(conversation.id(), chatbot.name()));
    }

    private ChatIdentity identity(Caller caller, Optional<String> impersonate) {
        if (impersonate.isEmpty()) {
            return identities.of(caller);
        }
        if (!callers.isAdmin(caller)) {
            throw new ChatException(ErrorCodes.FORBIDDEN, "Only admins can impersonate users");
        }
        return identities.impersonating(impersonate.get(), caller);
    }

    private void message(ChatConnection connection, ClientFrame frame) {
        Conversation conversation = connection.conversation(frame.required("conversation_id"));
        String content = frame.required("content");
        connection.submit(conversation, turns, cancel -> turn.run(connection, conversation, content, cancel));
    }

    /** Queued with the conversation's turns, so that it follows the turn that made the preview. */
    private void decideWrite(ChatConnection connection, ClientFrame frame, boolean confirm) {
        Conversation conversation = connection.conversation(frame.required("conversation_id"));
        String previewId = frame.required("preview_id");
        connection.submit(conversation, turns, cancel -> {
            if (confirm) {
                writes.confirm(connection, conversation, previewId);
            } else {
                writes.cancel(connection, conversation, previewId);
            }
        });
    }

    private void cancel(ChatConnection connection, ClientFrame frame) {
        String id = frame.required("conversation_id");
        connection.conversation(id);
        if (!connection.cancel(id)) {
            connection.send(ServerFrames.cancelled(id));
        }
    }
}
