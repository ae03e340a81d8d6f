package dev.fluxbase.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one scenario measured. Samples are kept only while {@link #recording} is on, so warm-up turns
 * count for nothing; frame checks (lost, out of order) always count.
 */
final class Recorder {

    final Samples deltaLatency = new Samples();
    final Samples turnOverhead = new Samples();
    final Samples turnDuration = new Samples();
    final Samples firstDelta = new Samples();
    final Samples doneAfterLastDelta = new Samples();
    /** The fake ends a tool call → the request with its result arrives: the tool's round trip through the caller. */
    final Samples toolTurnaround = new Samples();
    final AtomicLong turns = new AtomicLong();
    final AtomicLong deltas = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong foreign = new AtomicLong();
    final AtomicLong closedSockets = new AtomicLong();
    /** Turns that ended with {@code done} and had to show the client rows: with them, and without (warm-up included). */
    final AtomicLong rowsShown = new AtomicLong();
    final AtomicLong rowsMissing = new AtomicLong();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    volatile boolean recording;

    void error(String code) {
        errors.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * Checks one delta of a turn against what the fake sent ({@code turn.seq.nanos}) and takes its delay.
     *
     * @return the sequence number the next delta should carry
     */
    int delta(long turn, int expected, String text, long received) {
        String[] parts = text.strip().split("\\.");
        if (parts.length != 3 || Long.parseLong(parts[0]) != turn) {
            foreign.incrementAndGet();
            return expected;
        }
        int seq = Integer.parseInt(parts[1]);
        if (seq != expected) {
            outOfOrder.incrementAndGet();
        }
        if (recording) {
            deltaLatency.add(received - Long.parseLong(parts[2]));
            deltas.incrementAndGet();
        }
        return seq + 1;
    }

    /** A turn's end: deltas it should have had but did not are lost. */
    void turnEnded(Probes.Probe probe, int received, int scripted, long ended, long firstDeltaAt, long lastDeltaAt) {
        if (received < scripted) {
            lost.addAndGet(scripted - received);
        }
        if (recording) {
            turns.incrementAndGet();
            if (probe.providerReceived > 0) {
                turnOverhead.add(probe.providerReceived - probe.sent);
            }
            turnDuration.add(ended - probe.sent);
            if (probe.toolCallEnded > 0 && probe.toolResultReceived > 0) {
                toolTurnaround.add(probe.toolResultReceived - probe.toolCallEnded);
            }
            if (received > 0) {
                firstDelta.add(firstDeltaAt - probe.sent);
                doneAfterLastDelta.add(ended - lastDeltaAt);
            }
        }
    }

    /** Whether a turn that ended with {@code done} showed the client the rows it had to. */
    void rowsShown(boolean shown) {
        (shown ? rowsShown : rowsMissing).incrementAndGet();
    }

    String frameCheck() {
        return "lost " + lost.get() + ", out of order " + outOfOrder.get() + ", of another turn " + foreign.get()
                + ", errors " + (errors.isEmpty() ? "0" : errors.toString()) + ", sockets closed " + closedSockets.get();
    }
}
