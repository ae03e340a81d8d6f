package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chatbots.control.RoleGate.Verdict;
import dev.fluxbase.ai.chatbots.entity.Audience;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.entity.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGateTest {

    private static final Audience SALES_OR_SUPPORT = Audience.defaults().withRequireRoles(List.of("sales", "support"));

    private static Caller user(String role, String... groups) {
        return new Caller("u1", role, Set.of(groups), "{}", true);
    }

    @Test
    void aChatbotWithoutRolesAdmitsEveryone() {
        assertThat(RoleGate.check(Audience.defaults(), Caller.anonymous(), false)).isEqualTo(Verdict.ADMITTED);
        assertThat(RoleGate.check(Audience.defaults(), user("authenticated"), false)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void anyListedRoleOrGroupSuffices() {
        assertThat(RoleGate.check(SALES_OR_SUPPORT, user("support"), false)).isEqualTo(Verdict.ADMITTED);
        assertThat(RoleGate.check(SALES_OR_SUPPORT, user("authenticated", "hr", "sales"), false)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void anAuthenticatedCallerWithoutTheRoleIsForbidden() {
        assertThat(RoleGate.check(SALES_OR_SUPPORT, user("authenticated", "hr"), false)).isEqualTo(Verdict.FORBIDDEN);
        assertThatThrownBy(() -> RoleGate.requireAdmitted(SALES_OR_SUPPORT, user("authenticated", "hr"), false))
                .isInstanceOf(RequestRejected.class).hasMessage("This chatbot requires one of the roles: sales, support")
                .satisfies(e -> {
                    assertThat(((RequestRejected) e).code()).isEqualTo("FORBIDDEN");
                    assertThat(((RequestRejected) e).status()).isEqualTo(403);
                });
    }

    @Test
    void anonymousCallersAndTheAnonKeyAreAskedToAuthenticate() {
        assertThat(RoleGate.check(SALES_OR_SUPPORT, Caller.anonymous(), false)).isEqualTo(Verdict.AUTH_REQUIRED);
        assertThat(RoleGate.check(Audience.defaults().withRequireRoles(List.of("anon")), new Caller(null, "anon", Set.of(), "{}", true), false))
                .isEqualTo(Verdict.AUTH_REQUIRED);
    }

    @Test
    void adminsMeetEveryChatbot() {
        assertThat(RoleGate.check(SALES_OR_SUPPORT, user("service_role"), true)).isEqualTo(Verdict.ADMITTED);
    }
}
