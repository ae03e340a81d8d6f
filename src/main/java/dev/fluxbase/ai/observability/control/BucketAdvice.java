package dev.fluxbase.ai.observability.control;

import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.extension.incubator.metrics.ExtendedDoubleHistogramBuilder;
import java.util.List;

/**
 * Explicit bucket boundaries for an OpenTelemetry histogram. The OpenTelemetry 1.29 of Payara Micro takes
 * them as advice through its incubator API (later versions have {@code setExplicitBucketBoundariesAdvice});
 * a class of its own, so that a runtime without the incubator fails here, where the caller catches it.
 */
final class BucketAdvice {

    private BucketAdvice() {
    }

    /** @return whether the builder took the boundaries */
    static boolean apply(DoubleHistogramBuilder builder, List<Double> boundaries) {
        if (builder instanceof ExtendedDoubleHistogramBuilder extended) {
            extended.setAdvice(advice -> advice.setExplicitBucketBoundaries(boundaries));
            return true;
        }
        return false;
    }
}
