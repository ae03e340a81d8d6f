package dev.fluxbase.ai.platform.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Frames too large for Tyrus (Payara's WebSocket implementation). Tyrus reads each frame whole into its
 * incoming buffer (4 MB and 11 bytes by default) before the endpoint sees any of it; a longer frame
 * overflows the buffer, and Tyrus logs the exception as a WARNING with its stack trace and closes the
 * socket with 1011, telling the endpoint nothing but that close. This turns the overflow into what every
 * message over the socket's limit gets: a {@code MESSAGE_TOO_LARGE} error frame and close code 1009, and
 * keeps the stack trace out of the log (a client can cause it at will).
 */
@ApplicationScoped
public class OversizeFrames {

    private static final Logger LOG = Logger.getLogger(OversizeFrames.class.getName());
    /** Tyrus' message for the overflow (its {@code LocalizationMessages.BUFFER_OVERFLOW}), also its close reason. */
    private static final String OVERFLOW = "Buffer overflow";
    /** Where Tyrus reports it ({@code TyrusEndpointWrapper.onError}). */
    private static final String TYRUS_LOGGER = "org.glassfish.tyrus.core.TyrusEndpointWrapper";
    private static final String REMOTE = RemoteEndpoint.Basic.class.getName();

    private Logger tyrus;
    private Filter previous;

    void quietTyrus(@Observes @Initialized(ApplicationScoped.class) Object application) {
        tyrus = Logger.getLogger(TYRUS_LOGGER);
        previous = tyrus.getFilter();
        Filter others = previous;
        tyrus.setFilter(record -> !isOverflow(record.getThrown()) && (others == null || others.isLoggable(record)));
    }

    /** The filter is this application's class: leaving it on Payara's logger would keep the application loaded. */
    void restoreTyrus(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        if (tyrus != null) {
            tyrus.setFilter(previous);
        }
    }

    /** From {@code @OnOpen}: once Tyrus counts the session closed, the session no longer hands out its remote endpoint. */
    public static void keepRemote(Session session) {
        session.getUserProperties().put(REMOTE, session.getBasicRemote());
    }

    /** Tyrus closes the socket because a frame overflowed its buffer. */
    public static boolean isOverflow(CloseReason reason) {
        return reason.getCloseCode().getCode() == CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode()
                && reason.getReasonPhrase() != null && reason.getReasonPhrase().startsWith(OVERFLOW);
    }

    private static boolean isOverflow(Throwable thrown) {
        return thrown instanceof IllegalArgumentException && thrown.getMessage() != null && thrown.getMessage().startsWith(OVERFLOW);
    }

    /**
     * Answers an overflow, from {@code @OnClose}. Tyrus counts the session closed already, but the socket stays
     * open until {@code @OnClose} returns: the remote endpoint kept by {@link #keepRemote} still sends, and closing
     * through it (Tyrus' {@code TyrusRemoteEndpoint.close(CloseReason)}, which the WebSocket API does not offer)
     * sends our close code; Tyrus then finds the socket closed and sends no 1011.
     */
    public void refuse(Session session, String errorFrame, CloseReason close) {
        RemoteEndpoint.Basic remote = (RemoteEndpoint.Basic) session.getUserProperties().get(REMOTE);
        LOG.fine("A chat socket sent a frame larger than the WebSocket buffer; closing it with " + close.getCloseCode().getCode());
        try {
            remote.sendText(errorFrame);
            remote.getClass().getMethod("close", CloseReason.class).invoke(remote, close);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not answer an oversized frame; Tyrus closes the socket with 1011", e);
        }
    }
}
