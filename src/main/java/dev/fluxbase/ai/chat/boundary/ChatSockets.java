package dev.fluxbase.ai.chat.boundary;

import dev.fluxbase.ai.chat.control.ChatMetrics;
import dev.fluxbase.ai.chat.control.ChatShutdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open chat sockets of this instance. When the application stops (SIGTERM makes Payara undeploy
 * it), the running turns drain first, while every other bean still works, and then each socket is
 * closed with 1001 "going away", so that clients see a clean end and reconnect elsewhere.
 */
@ApplicationScoped
public class ChatSockets {

    private static final Logger LOG = Logger.getLogger(ChatSockets.class.getName());

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    @Inject
    ChatShutdown shutdown;

    @Inject
    ChatMetrics metrics;

    /** The sockets open now (a live view). */
    Set<Session> open() {
        return open;
    }

    void opened(Session session) {
        open.add(session);
        metrics.socketOpened();
    }

    void closed(Session session) {
        if (open.remove(session)) {
            metrics.socketClosed();
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        shutdown.drain();
        ChatShutdown.announce("Closing " + open.size() + " chat socket(s)");
        for (Session session : open) {
            synchronized (session) {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down"));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "Closing a chat socket failed", e);
                }
            }
        }
    }
}
