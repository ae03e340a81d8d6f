package dev.fluxbase.ai.mcp.control;

import dev.fluxbase.ai.mcp.entity.McpSession;
import dev.fluxbase.ai.platform.control.ServerClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MCP sessions this instance holds, by id, each bound to the caller and chatbot that opened it. What bounds their
 * memory: a caller holds at most {@code fluxbase.mcp.max-sessions-per-user} sessions, and one unused for
 * {@code fluxbase.mcp.session-idle-minutes} is gone (clients that vanish without ending their session leave
 * nothing behind for longer). Idle sessions are dropped whenever a session is opened, so no timer is needed; the SDK's
 * own sweeper frees its side of a session after the same idle time.
 */
@ApplicationScoped
public class McpSessions {

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.max-sessions-per-user", defaultValue = "10")
    int maxPerSubject;

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.session-idle-minutes", defaultValue = "30")
    long idleMinutes;

    @Inject
    ServerClock clock;

    private final ConcurrentMap<String, McpSession> sessions = new ConcurrentHashMap<>();

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleMinutes);
    }

    public int maxPerSubject() {
        return maxPerSubject;
    }

    /** Whether the subject may open one more session (idle sessions of anyone are dropped first). */
    public boolean hasRoom(String subject) {
        sessions.values().removeIf(session -> session.idleSince(clock.now(), idleTimeout()));
        return sessions.values().stream().filter(session -> session.isOf(subject)).count() < maxPerSubject;
    }

    public void opened(String id, String subject, UUID chatbotId) {
        sessions.put(id, new McpSession(subject, chatbotId, clock.now()));
    }

    /** The session, when it exists, is not idle, and is the subject's of this chatbot; it is then used now. */
    public Optional<McpSession> use(String id, String subject, UUID chatbotId) {
        McpSession session = sessions.get(id);
        if (session == null || !session.belongsTo(subject, chatbotId)) {
            return Optional.empty();
        }
        if (session.idleSince(clock.now(), idleTimeout())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.seen(clock.now());
        return Optional.of(session);
    }

    public void closed(String id) {
        sessions.remove(id);
    }

    /** How many sessions are held: what the registry holds in memory. */
    public int size() {
        return sessions.size();
    }
}
