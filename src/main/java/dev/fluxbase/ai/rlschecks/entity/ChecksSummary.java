package dev.fluxbase.ai.rlschecks.entity;

import java.time.Instant;

/** A chatbot's checks at a glance: shown on the chatbot, so that a failing one is seen where the chatbot is. */
public record ChecksSummary(int total, int passed, int failed, int errors, Instant lastRunAt) {

    public static final ChecksSummary NONE = new ChecksSummary(0, 0, 0, 0, null);

    public int neverRun() {
        return total - passed - failed - errors;
    }
}
