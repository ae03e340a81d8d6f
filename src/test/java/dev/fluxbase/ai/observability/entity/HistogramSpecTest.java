package dev.fluxbase.ai.observability.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramSpecTest {

    @Test
    void boundariesMustIncrease() {
        assertThatThrownBy(() -> new HistogramSpec("x", "s", "x", List.of(1.0, 1.0), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGenAiHistogramsHaveTheBucketsTheConventionsRecommend() {
        assertThat(Histograms.OPERATION_DURATION.boundaries()).startsWith(0.01, 0.02, 0.04).endsWith(40.96, 81.92).hasSize(14);
        assertThat(Histograms.TOKEN_USAGE.boundaries()).startsWith(1.0, 4.0, 16.0).endsWith(67108864.0).hasSize(14);
        assertThat(Histograms.TOKEN_USAGE.unit()).isEqualTo("{token}");
        assertThat(Histograms.TURN_DURATION.boundaries()).endsWith(81.92, 163.84, 327.68);
    }
}
