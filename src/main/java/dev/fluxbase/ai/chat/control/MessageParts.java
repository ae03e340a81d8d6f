package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.platform.entity.Utf8;

/**
 * Puts one socket's text messages together from the parts the WebSocket implementation hands over (one
 * per frame), keeping no more of a message than the limit allows: a longer one is only counted, and
 * refused when it ends, or as soon as it passes the socket's own limit (then the socket closes). Fed
 * from the socket's read thread only.
 */
public final class MessageParts {

    /** What a part made of the message. */
    public enum State {
        /** More parts follow. */
        PARTIAL,
        /** The message is complete: {@link #take()} it. */
        COMPLETE,
        /** The message ended over the message limit. */
        TOO_LARGE,
        /** The message passed the socket's limit; its remaining parts are not worth reading. */
        OVER_SOCKET_LIMIT
    }

    private final int maxMessageBytes;
    private final int maxSocketBytes;
    private final StringBuilder text = new StringBuilder();
    private long bytes;
    private String complete;

    /** @param maxSocketBytes at least {@code maxMessageBytes} */
    public MessageParts(int maxMessageBytes, int maxSocketBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxSocketBytes = Math.max(maxMessageBytes, maxSocketBytes);
    }

    public State add(String part, boolean last) {
        bytes += Utf8.length(part);
        if (bytes > maxSocketBytes) {
            reset();
            return State.OVER_SOCKET_LIMIT;
        }
        if (bytes <= maxMessageBytes) {
            text.append(part);
        } else {
            text.setLength(0);
            text.trimToSize();
        }
        if (!last) {
            return State.PARTIAL;
        }
        boolean tooLarge = bytes > maxMessageBytes;
        complete = tooLarge ? null : text.toString();
        reset();
        return tooLarge ? State.TOO_LARGE : State.COMPLETE;
    }

    /** The message the last part completed. */
    public String take() {
        String message = complete;
        complete = null;
        return message;
    }

    private void reset() {
        bytes = 0;
        text.setLength(0);
    }
}
