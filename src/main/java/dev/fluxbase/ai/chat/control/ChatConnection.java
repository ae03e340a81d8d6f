package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chat.entity.Conversation;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.security.entity.TokenLifetime;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import dev.fluxbase.ai.providers.entity.CancelSignal;

/**
 * One client socket: who connected (or why their token failed), where frames go, and the
 * conversations started on it, each with its queue of turns.
 */
public final class ChatConnection {

    static final String TOKEN_EXPIRED = "Token expired: reconnect with a fresh token";

    private final FrameSink sink;
    private final Caller caller;
    private final CodedException tokenProblem;
    private final TokenLifetime lifetime;
    private final String clientAddress;
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, TurnQueue> queues = new ConcurrentHashMap<>();

    public ChatConnection(FrameSink sink, Caller caller, CodedException tokenProblem, String clientAddress) {
        this(sink, caller, tokenProblem, TokenLifetime.UNBOUNDED, clientAddress);
    }

    public ChatConnection(FrameSink sink, Caller caller, CodedException tokenProblem, TokenLifetime lifetime, String clientAddress) {
        this.sink = sink;
        this.caller = caller;
        this.tokenProblem = tokenProblem;
        this.lifetime = lifetime;
        this.clientAddress = clientAddress;
    }

    public void send(String frame) {
        sink.send(frame);
    }

    /** Sends a frame unless the client is gone. */
    void sendQuietly(String frame) {
        try {
            sink.send(frame);
        } catch (UncheckedIOException e) {
            // the client is gone
        }
    }

    /** The verified caller; a bad token is reported when the client first asks for something. */
    Caller caller() {
        if (tokenProblem != null) {
            throw tokenProblem;
        }
        return caller;
    }

    /**
     * Refuses new work once the token the socket was opened with has run out; the socket stays open, so that
     * a running turn still ends and the client can reconnect with a fresh token when it chooses.
     */
    void checkTokenLifetime(Instant now) {
        if (lifetime.expired(now)) {
            throw new ChatException(ErrorCodes.INVALID_TOKEN, TOKEN_EXPIRED);
        }
    }

    public String clientAddress() {
        return clientAddress;
    }

    void add(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    int conversationCount() {
        return conversations.size();
    }

    /** A conversation of this socket, when it is the same chatbot's and the same user's. */
    Optional<Conversation> resumable(String id, ChatbotDefinition chatbot, ChatIdentity identity) {
        return Optional.ofNullable(conversations.get(id))
                .filter(c -> c.chatbot().id().equals(chatbot.id()))
                .filter(c -> Objects.equals(c.identity().userId(), identity.userId()));
    }

    Conversation conversation(String id) {
        Conversation conversation = conversations.get(id);
        if (conversation == null) {
            throw new ChatException(ErrorCodes.NO_SESSION, "No active chat session for this conversation; send start_chat first");
        }
        return conversation;
    }

    void submit(Conversation conversation, Executor executor, Consumer<CancelSignal> turn) {
        queues.computeIfAbsent(conversation.id(), id -> new TurnQueue(executor)).submit(turn, () -> refused(conversation.id()));
    }

    /** A turn the executor refused still ends, so that its client does not wait for it. */
    private void refused(String conversationId) {
        sendQuietly(ServerFrames.error(conversationId, ErrorCodes.STREAM_ERROR, "The answer could not be started; try again"));
    }

    boolean cancel(String conversationId) {
        TurnQueue queue = queues.get(conversationId);
        return queue != null && queue.cancelAll();
    }

    /** The client went away: stop everything it started, provider requests included. */
    public void close() {
        queues.values().forEach(TurnQueue::cancelAll);
    }
}
