package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatException;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.quotas.control.MinuteCounter;
import dev.fluxbase.ai.quotas.entity.QuotaExceeded;
import dev.fluxbase.ai.quotas.entity.QuotaSubject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What keeps {@code start_chat} from filling memory: the conversations one socket may hold, and the new
 * conversations one caller may start per minute (the token's user, or the client address for anonymous
 * callers and keys without a user). The per-minute count lives in this instance's memory: cheap, and
 * enough for protection, so each instance allows the limit on its own.
 */
@ApplicationScoped
public class StartChatLimits {

    @Inject
    @ConfigProperty(name = "fluxbase.chat.max-conversations-per-socket", defaultValue = "100")
    int maxConversationsPerSocket;

    @Inject
    @ConfigProperty(name = "fluxbase.chat.start-chat-per-minute", defaultValue = "30")
    int startChatPerMinute;

    @Inject
    ServerClock clock;

    private MinuteCounter starts;

    @PostConstruct
    void init() {
        starts = new MinuteCounter(startChatPerMinute);
    }

    /** @throws ChatException {@code TOO_MANY_CONVERSATIONS} when the socket holds the most it may */
    void checkRoom(ChatConnection connection) {
        if (connection.conversationCount() >= maxConversationsPerSocket) {
            throw new ChatException(ErrorCodes.TOO_MANY_CONVERSATIONS,
                    "Too many conversations on this connection: the limit is " + maxConversationsPerSocket);
        }
    }

    /** Counts a new conversation of the socket's caller; a refused one does not count. */
    void countNew(ChatConnection connection) {
        long retryAfter = starts.count(QuotaSubject.of(connection.caller().userId(), connection.clientAddress()).key(), clock.now());
        if (retryAfter > 0) {
            throw QuotaExceeded.newConversations(retryAfter);
        }
    }
}
