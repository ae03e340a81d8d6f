package dev.fluxbase.ai.chat.boundary;

import dev.fluxbase.ai.chat.control.ChatConnection;
import dev.fluxbase.ai.chat.control.ChatDispatcher;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The chat socket. Frames of one socket are written one at a time, so they never interleave. */
@ServerEndpoint("/ai/ws")
public class ChatEndpoint {

    private static final String CONNECTION = ChatConnection.class.getName();
    private static final int MAX_FRAME_BYTES = 1024 * 1024;

    @Inject
    ChatDispatcher dispatcher;

    @OnOpen
    public void open(Session session) {
        session.getUserProperties().put(CONNECTION, new ChatConnection(frame -> send(session, frame)));
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void message(Session session, String text) {
        dispatcher.handle((ChatConnection) session.getUserProperties().get(CONNECTION), text);
    }

    private static void send(Session session, String frame) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
