package dev.fluxbase.ai.chat.boundary;

import dev.fluxbase.ai.chat.control.ChatConnection;
import dev.fluxbase.ai.chat.control.ChatDispatcher;
import dev.fluxbase.ai.platform.control.ContextLoaders;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.quotas.control.ClientAddresses;
import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chat socket at {@code /ai/ws}. Frames of one socket are written one at a time, so they never
 * interleave; a client that goes away cancels everything it started.
 */
@ServerEndpoint(value = "/ai/ws", configurator = ChatHandshake.class)
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    private static final String CONNECTION = ChatConnection.class.getName();
    private static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";
    // Large enough to read an oversized frame and answer MESSAGE_TOO_LARGE instead of closing the socket.
    private static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    @Inject
    ChatDispatcher dispatcher;

    @Inject
    CallerResolver callers;

    @Inject
    ClientAddresses addresses;

    @Inject
    ChatSockets sockets;

    @OnOpen
    public void open(Session session) {
        String token = (String) session.getUserProperties().get(ChatHandshake.TOKEN);
        Caller caller = Caller.anonymous();
        CodedException tokenProblem = null;
        try {
            caller = callers.fromToken(token);
        } catch (CodedException e) {
            tokenProblem = e;
        }
        String client = addresses.resolve(peerAddress(session), (String) session.getUserProperties().get(ChatHandshake.FORWARDED_FOR));
        session.getUserProperties().put(CONNECTION, new ChatConnection(frame -> send(session, frame), caller, tokenProblem, client));
        sockets.opened(session);
    }

    /**
     * The WebSocket API has no portable way to learn the peer's address; Tyrus' session (Payara's
     * implementation) offers {@code getRemoteAddr()}.
     */
    private static String peerAddress(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            if (address != null) {
                return address.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "The WebSocket session does not tell its remote address", e);
        }
        Object address = session.getUserProperties().get(REMOTE_ADDRESS);
        return address == null ? null : address.toString();
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void message(Session session, String text) {
        dispatcher.handle(connection(session), text);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        ChatConnection connection = connection(session);
        if (connection != null) {
            connection.close();
        }
        sockets.closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
    }

    private static ChatConnection connection(Session session) {
        return (ChatConnection) session.getUserProperties().get(CONNECTION);
    }

    /**
     * Sends one frame. Tyrus restarts the session's idle timer on every frame it sends, by handing a task
     * to a scheduler ({@link SocketTimers} replaces Payara's managed one); should that fail, the platform
     * loader keeps the managed scheduler's context capture from reading every jar.
     */
    private static void send(Session session, String frame) {
        ContextLoaders.withPlatformLoader(() -> {
            try {
                synchronized (session) {
                    if (!session.isOpen()) {
                        throw new IOException("the chat socket is closed");
                    }
                    session.getBasicRemote().sendText(frame);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
