package dev.fluxbase.ai.chat.boundary;

import dev.fluxbase.ai.chat.control.ChatConnection;
import dev.fluxbase.ai.chat.control.ChatDispatcher;
import dev.fluxbase.ai.chat.control.MessageParts;
import dev.fluxbase.ai.chat.entity.ServerFrames;
import dev.fluxbase.ai.platform.container.ContextLoaders;
import dev.fluxbase.ai.platform.container.OversizeFrames;
import dev.fluxbase.ai.platform.container.PeerAddress;
import dev.fluxbase.ai.platform.container.SocketTimers;
import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
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
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat socket at {@code /ai/ws}. Frames of one socket are written one at a time, so they never
 * interleave; a client that goes away cancels everything it started. Text messages arrive in parts (one
 * per frame), so that a message over the limit is refused without being held: up to the socket's limit
 * the socket stays open, past it the socket closes with 1009. Binary frames close it with 1003.
 */
@ServerEndpoint(value = "/ai/ws", configurator = ChatHandshake.class)
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    private static final String CONNECTION = ChatConnection.class.getName();
    private static final String PARTS = MessageParts.class.getName();
    /**
     * Up to here a message over {@code fluxbase.chat.max-message-bytes} is refused and the socket stays open.
     * Tyrus' incoming buffer holds one frame of this size (and its header), see {@link OversizeFrames}.
     */
    static final int MAX_SOCKET_MESSAGE_BYTES = 4 * 1024 * 1024;
    private static final CloseReason TOO_BIG = new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Message too large");

    @Inject
    ChatDispatcher dispatcher;

    @Inject
    CallerResolver callers;

    @Inject
    ClientAddresses addresses;

    @Inject
    ChatSockets sockets;

    @Inject
    OversizeFrames oversize;

    @Inject
    @ConfigProperty(name = "fluxbase.chat.max-message-bytes", defaultValue = "65536")
    int maxMessageBytes;

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
        String client = addresses.resolve(PeerAddress.of(session), (String) session.getUserProperties().get(ChatHandshake.FORWARDED_FOR));
        session.getUserProperties().put(CONNECTION, new ChatConnection(frame -> send(session, frame), caller, tokenProblem, callers.lifetime(caller), client));
        session.getUserProperties().put(PARTS, new MessageParts(maxMessageBytes, MAX_SOCKET_MESSAGE_BYTES));
        OversizeFrames.keepRemote(session);
        SocketActivity.attach(session);
        sockets.opened(session);
    }

    @OnMessage
    public void message(Session session, String part, boolean last) {
        MessageParts parts = (MessageParts) session.getUserProperties().get(PARTS);
        switch (parts.add(part, last)) {
            case COMPLETE -> dispatcher.handle(connection(session), parts.take());
            case TOO_LARGE -> connection(session).send(tooLarge());
            case OVER_SOCKET_LIMIT -> refuse(session, tooLarge(), TOO_BIG);
            case PARTIAL -> {
                // more to come
            }
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        refuse(session, ServerFrames.error(null, ErrorCodes.INVALID_MESSAGE, "Binary frames are not supported; send JSON text frames"),
                new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "Binary frames are not supported"));
    }

    private String tooLarge() {
        return ServerFrames.error(null, ErrorCodes.MESSAGE_TOO_LARGE, "Message too large: the limit is " + maxMessageBytes + " bytes");
    }

    /** Sends the reason, then closes the socket; what is running on it stops (see {@link #close}). */
    private static void refuse(Session session, String errorFrame, CloseReason reason) {
        synchronized (session) {
            try {
                send(session, errorFrame);
                session.close(reason);
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Refusing a frame: the socket closed first", e);
            }
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (OversizeFrames.isOverflow(reason)) {
            ContextLoaders.withPlatformLoader(() -> {
                synchronized (session) {
                    oversize.refuse(session, tooLarge(), TOO_BIG);
                }
            });
        }
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
                SocketActivity activity = SocketActivity.of(session);
                if (activity != null) {
                    activity.sent();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
