package dev.fluxbase.ai.platform.container;

import jakarta.websocket.Session;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The address of a WebSocket's direct peer. The WebSocket API has no portable way to learn it; Tyrus'
 * session (Payara's implementation) offers {@code getRemoteAddr()}, called here by reflection as the
 * application does not compile against Tyrus. Other containers (Jetty) put it in the session's user
 * properties instead.
 */
public final class PeerAddress {

    private static final Logger LOG = Logger.getLogger(PeerAddress.class.getName());
    private static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

    private PeerAddress() {
    }

    /** @return the peer's address, or null when the container does not tell */
    public static String of(Session session) {
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
}
