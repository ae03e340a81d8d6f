package dev.fluxbase.ai.chat.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps quiet chat sockets alive through proxies and load balancers that cut idle connections: a socket
 * on which the server sent nothing for {@code fluxbase.chat.ping-seconds} gets a WebSocket ping (clients
 * answer with a pong by themselves, browsers and the SDK included). A socket streaming an answer is not
 * quiet; one whose turn waits for a slow provider or tool is. The sockets are checked four times per
 * interval, so a ping follows at most a quarter interval after the socket fell quiet. {@code 0} sends none.
 */
@ApplicationScoped
public class ChatPings {

    private static final Logger LOG = Logger.getLogger(ChatPings.class.getName());
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    @Inject
    ChatSockets sockets;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "fluxbase.chat.ping-seconds", defaultValue = "30")
    int pingSeconds;

    private ScheduledFuture<?> checks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (pingSeconds <= 0) {
            LOG.info("Chat sockets get no pings (fluxbase.chat.ping-seconds=" + pingSeconds + ")");
            return;
        }
        long check = Math.max(100, TimeUnit.SECONDS.toMillis(pingSeconds) / 4);
        checks = scheduler.scheduleWithFixedDelay(this::pingQuietSockets, check, check, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    private void pingQuietSockets() {
        long quiet = TimeUnit.SECONDS.toNanos(pingSeconds);
        for (Session session : sockets.open()) {
            SocketActivity activity = SocketActivity.of(session);
            if (activity != null && activity.quietFor(quiet) && session.isOpen()) {
                ping(session, activity);
            }
        }
    }

    /** A ping is one control frame; the container writes whole frames, so it never lands inside a text frame. */
    private static void ping(Session session, SocketActivity activity) {
        try {
            session.getAsyncRemote().sendPing(EMPTY.duplicate());
            activity.sent();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Pinging a chat socket failed; it is closing", e);
        }
    }
}
