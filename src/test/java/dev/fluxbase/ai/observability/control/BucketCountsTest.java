package dev.fluxbase.ai.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BucketCountsTest {

    private final BucketCounts counts = new BucketCounts(List.of(0.1, 1.0, 10.0));

    @Test
    void eachBoundaryCountsTheValuesAtMostItAndTheLastBucketCountsAll() {
        for (double value : new double[] {0.05, 0.1, 0.5, 1.0, 5.0, 50.0, 500.0}) {
            counts.record(value);
        }

        assertThat(counts.atMost(0)).as("le=0.1, inclusive").isEqualTo(2);
        assertThat(counts.atMost(1)).isEqualTo(4);
        assertThat(counts.atMost(2)).isEqualTo(5);
        assertThat(counts.count()).isEqualTo(7);
        assertThat(counts.sum()).isEqualTo(556.65, Offset.offset(1e-9));
    }

    @Test
    void countsOnlyGrowSoThatRatesAreNeverNegative() {
        counts.record(0.5);
        long before = counts.atMost(1);
        for (int i = 0; i < 5000; i++) {
            counts.record(i % 2 == 0 ? 0.5 : 20.0);
        }

        assertThat(counts.atMost(1)).isEqualTo(before + 2500);
        assertThat(counts.count()).isEqualTo(5001);
    }

    @Test
    void aHistogramWithoutBoundariesCountsEverythingInItsOneBucket() {
        BucketCounts single = new BucketCounts(List.of());
        single.record(3);

        assertThat(single.count()).isEqualTo(1);
        assertThat(single.atMost(0)).isEqualTo(1);
    }
}
