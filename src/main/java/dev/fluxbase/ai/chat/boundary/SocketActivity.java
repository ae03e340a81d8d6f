package dev.fluxbase.ai.chat.boundary;

import jakarta.websocket.Session;

/** When the server last sent a frame on a chat socket, so that only a quiet socket gets a ping. */
final class SocketActivity {

    private static final String KEY = SocketActivity.class.getName();

    private volatile long lastSentNanos = System.nanoTime();

    static void attach(Session session) {
        session.getUserProperties().put(KEY, new SocketActivity());
    }

    /** @return the socket's activity, or null for a socket opened before it was tracked */
    static SocketActivity of(Session session) {
        return (SocketActivity) session.getUserProperties().get(KEY);
    }

    void sent() {
        lastSentNanos = System.nanoTime();
    }

    boolean quietFor(long nanos) {
        return System.nanoTime() - lastSentNanos >= nanos;
    }
}
