package dev.fluxbase.ai.rlschecks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.rlschecks.entity.Expectation;
import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.RlsCheck;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckRulesTest {

    private static final List<Impersonation> ALICE = List.of(new Impersonation("alice", null, null));

    private static RlsCheck check(String owner, String expect, List<Impersonation> users, List<String> forbidden) {
        return CheckRules.check(UUID.randomUUID(), UUID.randomUUID(), " Own orders ", "  ", "SELECT 1", owner, expect, users, forbidden, null);
    }

    private static void refused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("INVALID_REQUEST");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void aWellFormedCheckIsTidied() {
        RlsCheck check = check(" user_id ", "own_rows", ALICE, List.of());

        assertThat(check.name()).isEqualTo("Own orders");
        assertThat(check.question()).isNull();
        assertThat(check.ownerColumn()).isEqualTo("user_id");
        assertThat(check.expectation()).isEqualTo(Expectation.OWN_ROWS);
        assertThat(check.users()).containsExactly(new Impersonation("alice", "authenticated", null));
    }

    @Test
    void eachExpectationAsksForWhatItNeeds() {
        refused(() -> check(null, "own_rows", ALICE, List.of()), "\"owner_column\" is required");
        refused(() -> check("owner", "not_owned_by", ALICE, List.of(" ")), "\"forbidden_owners\" is required");
        refused(() -> check(null, "everything", ALICE, List.of()), "\"expect\" must be one of own_rows, no_rows, not_owned_by");
        assertThat(check(null, "no_rows", ALICE, List.of()).ownerColumn()).isNull();
    }

    @Test
    void usersAreBoundedAndTheirRolesAreTokenRoles() {
        refused(() -> check("owner", "own_rows", List.of(), List.of()), "\"users\" must list 1 to 20 users");
        refused(() -> check("owner", "own_rows", Collections.nCopies(21, ALICE.get(0)), List.of()), "\"users\" must list 1 to 20 users");
        refused(() -> check("owner", "own_rows", List.of(new Impersonation("bob", "postgres", null)), List.of()),
                "\"role\" must be one of anon, authenticated, service_role");
        refused(() -> check("owner", "own_rows", List.of(new Impersonation(" ", null, null)), List.of()), "\"user_id\"");
    }

    @Test
    void sqlMustBeThere() {
        refused(() -> CheckRules.sql("   "), "\"sql\" must be one SELECT statement");
        assertThat(CheckRules.sql("  SELECT 1 \n")).isEqualTo("SELECT 1");
    }
}
