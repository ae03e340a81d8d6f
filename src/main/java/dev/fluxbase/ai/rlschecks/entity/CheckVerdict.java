package dev.fluxbase.ai.rlschecks.entity;

import java.time.Instant;
import java.util.List;

/** One run of a check: when, and what each impersonated user saw. */
public record CheckVerdict(CheckStatus status, Instant ranAt, List<UserOutcome> users) {

    public CheckVerdict {
        users = List.copyOf(users);
    }

    public static CheckVerdict of(Instant ranAt, List<UserOutcome> users) {
        return new CheckVerdict(CheckStatus.of(users), ranAt, users);
    }
}
