package dev.fluxbase.ai.platform.control;

import java.util.logging.Logger;

/**
 * What the operator must see in the terminal as well as in the log: {@code run.sh} sends Payara's output to the
 * log file and shows only lines that start with {@code [fluxbase]} (and errors).
 */
public final class Terminal {

    private Terminal() {
    }

    /** Logged, and on standard error, where it also survives the JDK resetting the log handlers at shutdown. */
    public static void announce(Logger log, String message) {
        log.info(message);
        System.err.println("[fluxbase] " + message);
    }
}
