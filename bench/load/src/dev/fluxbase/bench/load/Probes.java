package dev.fluxbase.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties a client's message to the provider request it causes: the message carries a marker with a turn
 * number, the fake provider finds it in the request and notes when the request arrived. Both ends live
 * in this JVM, so their System.nanoTime() readings compare directly.
 */
final class Probes {

    private static final Pattern MARKER = Pattern.compile("bench-turn:(\\d+)");

    /** One turn's clock readings; -1 until taken. */
    static final class Probe {
        final long turn;
        volatile long sent = -1;
        volatile long providerReceived = -1;
        /** The fake wrote the end of the turn's tool call. */
        volatile long toolCallEnded = -1;
        /** The request with the tool call's result arrived. */
        volatile long toolResultReceived = -1;

        Probe(long turn) {
            this.turn = turn;
        }
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, Probe> open = new ConcurrentHashMap<>();

    Probe next() {
        Probe probe = new Probe(sequence.incrementAndGet());
        open.put(probe.turn, probe);
        return probe;
    }

    static String marker(Probe probe) {
        return "bench-turn:" + probe.turn;
    }

    void providerReceived(long turn, long nanos) {
        Probe probe = open.get(turn);
        if (probe != null) {
            probe.providerReceived = nanos;
        }
    }

    void toolCallEnded(long turn, long nanos) {
        Probe probe = open.get(turn);
        if (probe != null) {
            probe.toolCallEnded = nanos;
        }
    }

    void toolResultReceived(long turn, long nanos) {
        Probe probe = open.get(turn);
        if (probe != null) {
            probe.toolResultReceived = nanos;
        }
    }

    void close(Probe probe) {
        open.remove(probe.turn);
    }

    /** The turn of the request: the last marker, as earlier questions of the conversation come along as history. */
    static long turnOf(String requestBody) {
        Matcher m = MARKER.matcher(requestBody);
        long turn = -1;
        while (m.find()) {
            turn = Long.parseLong(m.group(1));
        }
        return turn;
    }
}
