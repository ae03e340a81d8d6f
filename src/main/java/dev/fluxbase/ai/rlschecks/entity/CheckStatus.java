package dev.fluxbase.ai.rlschecks.entity;

import java.util.List;
import java.util.Locale;

/** How a run ended: a broken expectation fails it; otherwise a query that could not run leaves it in error. */
public enum CheckStatus {
    PASSED, FAILED, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus of(List<UserOutcome> users) {
        if (users.stream().anyMatch(u -> u.violations() > 0)) {
            return FAILED;
        }
        return users.stream().anyMatch(u -> u.error() != null) ? ERROR : PASSED;
    }

    public static CheckStatus ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
