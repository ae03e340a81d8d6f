package dev.fluxbase.ai.observability.control;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cumulative counts of one histogram series, as Prometheus reads them: how many values were at most
 * each boundary, how many in all and their sum. They only grow (until the process restarts), which is
 * what {@code rate()} and {@code histogram_quantile()} need, and counts of several instances add up.
 * Recording is lock-free; a read while values arrive may miss the newest, never count one twice.
 */
public final class BucketCounts {

    private final double[] boundaries;
    /** Per bucket, not cumulative; the last one is above every boundary. */
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    public BucketCounts(List<Double> boundaries) {
        this.boundaries = boundaries.stream().mapToDouble(Double::doubleValue).toArray();
        this.counts = new LongAdder[this.boundaries.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void record(double value) {
        counts[bucketOf(value)].increment();
        sum.add(value);
    }

    /** @return how many values were at most the boundary at this index */
    public long atMost(int boundary) {
        long total = 0;
        for (int i = 0; i <= boundary; i++) {
            total += counts[i].sum();
        }
        return total;
    }

    public long count() {
        return atMost(counts.length - 1);
    }

    public double sum() {
        return sum.sum();
    }

    /** The first bucket whose boundary the value does not exceed (upper bounds are inclusive, as in both formats). */
    private int bucketOf(double value) {
        int low = 0;
        int high = boundaries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (value <= boundaries[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
