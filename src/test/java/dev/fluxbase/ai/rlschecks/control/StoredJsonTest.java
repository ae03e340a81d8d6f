package dev.fluxbase.ai.rlschecks.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.rlschecks.entity.Impersonation;
import dev.fluxbase.ai.rlschecks.entity.UserOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

    @Test
    void usersAndOutcomesComeBackAsTheyWereStored() {
        List<Impersonation> users = List.of(new Impersonation("alice", "authenticated", "{\"team\":\"red\"}"),
                new Impersonation("visitor", "anon", null));
        List<UserOutcome> outcomes = List.of(new UserOutcome("alice", "authenticated", 4, 2, List.of("bob", ""), true, null),
                UserOutcome.failed(users.get(1), "permission denied for table orders"));

        assertThat(StoredJson.users(StoredJson.users(users).toString())).isEqualTo(users);
        assertThat(StoredJson.outcomes(StoredJson.outcomes(outcomes).toString())).isEqualTo(outcomes);
    }

    @Test
    void claimsCannotChangeWhoTheCheckRunsAs() {
        String claims = ImpersonatedQuery.claims(new Impersonation("alice", "authenticated", "{\"sub\":\"bob\",\"role\":\"service_role\",\"team\":\"red\"}"));

        assertThat(claims).isEqualTo("{\"sub\":\"alice\",\"role\":\"authenticated\",\"team\":\"red\"}");
    }
}
