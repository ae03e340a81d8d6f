package dev.fluxbase.ai.providers.control;

import java.time.Duration;

/**
 * How long a provider may take: to accept the connection, to send the first token after the request
 * (headers, role chunks and Azure's filter chunk do not count), and between two lines once it streams.
 */
record StreamTimeouts(Duration connect, Duration firstToken, Duration idle) {

    /**
     * The socket read timeout: it only frees a reader thread that was given up on, so it is a little
     * longer than either deadline, which the turn's thread enforces exactly.
     */
    Duration socketRead() {
        return (firstToken.compareTo(idle) > 0 ? firstToken : idle).plusSeconds(1);
    }
}
