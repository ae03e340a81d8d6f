package dev.fluxbase.ai.providers.control;

import java.time.Duration;

/**
 * How long a provider may take: to accept the connection, to send the first token after the request
 * (headers, role chunks and Azure's filter chunk do not count), and between two lines once it streams;
 * and, once its end marker came, to end the response, so that its connection can serve the next turn.
 */
record StreamTimeouts(Duration connect, Duration firstToken, Duration idle, Duration endOfResponse) {

    /** A provider ends its response right after its end marker; one that does not only loses its connection. */
    static final Duration END_OF_RESPONSE = Duration.ofMillis(500);

    StreamTimeouts(Duration connect, Duration firstToken, Duration idle) {
        this(connect, firstToken, idle, END_OF_RESPONSE);
    }

    /**
     * The socket read timeout: it only frees a reader thread that was given up on, so it is a little
     * longer than either deadline, which the turn's thread enforces exactly.
     */
    Duration socketRead() {
        return (firstToken.compareTo(idle) > 0 ? firstToken : idle).plusSeconds(1);
    }
}
