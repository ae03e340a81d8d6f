package dev.fluxbase.ai.rlschecks.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.UserOutcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityJudgeTest {

    private static final String ALICE = "0b5e7a52-8c1e-4c55-9a43-2f8d1d6c0a01";
    private static final String BOB = "7d0c6f1e-3b2a-4c9d-8e7f-6a5b4c3d2e10";
    private static final Impersonation AS_ALICE = new Impersonation(ALICE, Impersonation.AUTHENTICATED, null);

    private static VisibleRows owners(String... owners) {
        return new VisibleRows(owners.length, Arrays.asList(owners), false);
    }

    @Test
    void ownRowsOnlyPassesWhenEveryRowIsTheUsers() {
        UserOutcome outcome = VisibilityJudge.judge(Expectation.OWN_ROWS, List.of(), AS_ALICE, owners(ALICE, ALICE.toUpperCase()));

        assertThat(outcome.rows()).isEqualTo(2);
        assertThat(outcome.violations()).isZero();
        assertThat(outcome.strangers()).isEmpty();
    }

    @Test
    void aStrangersRowAndARowWithoutOwnerBreakOwnRows() {
        UserOutcome outcome = VisibilityJudge.judge(Expectation.OWN_ROWS, List.of(), AS_ALICE, owners(ALICE, BOB, BOB, null));

        assertThat(outcome.violations()).isEqualTo(3);
        assertThat(outcome.strangers()).containsExactly(BOB, VisibilityJudge.NO_OWNER);
    }

    @Test
    void strangersAreCappedButViolationsAreAllCounted() {
        String[] many = new String[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = "user-" + i;
        }
        UserOutcome outcome = VisibilityJudge.judge(Expectation.OWN_ROWS, List.of(), AS_ALICE, owners(many));

        assertThat(outcome.violations()).isEqualTo(12);
        assertThat(outcome.strangers()).hasSize(UserOutcome.MAX_STRANGERS);
    }

    @Test
    void noRowsCountsEveryRowAsAViolation() {
        assertThat(VisibilityJudge.judge(Expectation.NO_ROWS, List.of(), AS_ALICE, new VisibleRows(3, List.of(), false)).violations()).isEqualTo(3);
        assertThat(VisibilityJudge.judge(Expectation.NO_ROWS, List.of(), AS_ALICE, new VisibleRows(0, List.of(), false)).violations()).isZero();
    }

    @Test
    void notOwnedByForbidsOnlyTheListedOwners() {
        UserOutcome outcome = VisibilityJudge.judge(Expectation.NOT_OWNED_BY, List.of(BOB), AS_ALICE, owners(ALICE, "team-7", null, BOB));

        assertThat(outcome.violations()).isEqualTo(1);
        assertThat(outcome.strangers()).containsExactly(BOB);
    }

    @Test
    void idsThatAreNotUuidsCompareExactly() {
        Impersonation auth0 = new Impersonation("auth0|abc", Impersonation.AUTHENTICATED, null);

        assertThat(VisibilityJudge.judge(Expectation.OWN_ROWS, List.of(), auth0, owners("auth0|abc", "auth0|ABC")).violations()).isEqualTo(1);
    }

    @Test
    void aTruncatedReadIsReported() {
        assertThat(VisibilityJudge.judge(Expectation.OWN_ROWS, List.of(), AS_ALICE, new VisibleRows(1, List.of(ALICE), true)).truncated()).isTrue();
    }
}
