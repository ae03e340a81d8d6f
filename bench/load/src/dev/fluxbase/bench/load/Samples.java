package dev.fluxbase.bench.load;

import java.util.Arrays;

/** Durations in nanoseconds, added from any thread; percentiles once a scenario is over. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0 to 100) in milliseconds, NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }

    /** "p50 / p99 / max (n)" in milliseconds. */
    String summary() {
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)",
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100), count());
    }
}
