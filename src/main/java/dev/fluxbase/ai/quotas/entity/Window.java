package dev.fluxbase.ai.quotas.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Fixed counter windows, keyed by their start in UTC: a new minute or day is simply a new row. */
public enum Window {
    MINUTE("minute", ChronoUnit.MINUTES), DAY("day", ChronoUnit.DAYS);

    private final String kind;
    private final ChronoUnit unit;

    Window(String kind, ChronoUnit unit) {
        this.kind = kind;
        this.unit = unit;
    }

    /** The value of {@code usage_counters.window_kind}. */
    public String kind() {
        return kind;
    }

    public Instant start(Instant now) {
        return now.truncatedTo(unit);
    }

    public Instant end(Instant now) {
        return start(now).plus(1, unit);
    }

    /** Whole seconds until the window ends, at least one. */
    public long secondsLeft(Instant now) {
        Duration left = Duration.between(now, end(now));
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }
}
