package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.control.TestKeys.ISSUER;
import static dev.fluxbase.ai.security.control.TestKeys.SECRET;
import static dev.fluxbase.ai.security.control.TestKeys.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.security.control.TokenVerifier.Settings;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerResolverTest {

    private final CallerResolver resolver = new CallerResolver(
            new TokenVerifier(new Settings(null, null, ISSUER, Set.of(), SECRET, null)), Set.of("ai-admins"));

    private final String token = TestKeys.hs256(claims("u-1").build());

    @Test
    void noHeaderIsAnonymous() {
        assertThat(resolver.fromAuthorizationHeader(null)).isEqualTo(Caller.anonymous());
        assertThat(resolver.fromAuthorizationHeader("  ")).isEqualTo(Caller.anonymous());
        assertThat(resolver.fromToken(null)).isEqualTo(Caller.anonymous());
        assertThat(resolver.fromToken("")).isEqualTo(Caller.anonymous());
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        assertThat(resolver.fromAuthorizationHeader("Bearer " + token).userId()).isEqualTo("u-1");
        assertThat(resolver.fromAuthorizationHeader("bearer " + token).userId()).isEqualTo("u-1");
        assertThat(resolver.fromAuthorizationHeader("  BEARER   " + token + " ").userId()).isEqualTo("u-1");
    }

    @Test
    void acceptsARawToken() {
        assertThat(resolver.fromToken(token).userId()).isEqualTo("u-1");
    }

    @Test
    void refusesOtherSchemesAndEmptyBearers() {
        assertInvalid("Basic dXNlcjpwYXNz", "Invalid token: unsupported authorization scheme");
        assertInvalid(token, "Invalid token: unsupported authorization scheme");
        assertInvalid("Bearer", "Invalid token: empty bearer token");
    }

    @Test
    void aBadTokenNeverFallsBackToAnonymous() {
        assertInvalid("Bearer " + token + "x", "Invalid token: bad signature");
    }

    @Test
    void knowsTheAdminGroups() {
        Caller member = resolver.fromToken(TestKeys.hs256(claims("u-2").claim("groups", List.of("ai-admins")).build()));

        assertThat(resolver.isAdmin(member)).isTrue();
        assertThat(resolver.isAdmin(resolver.fromToken(token))).isFalse();
    }

    private void assertInvalid(String header, String message) {
        assertThatThrownBy(() -> resolver.fromAuthorizationHeader(header))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(message)
                .extracting(e -> ((AuthenticationException) e).code()).isEqualTo("INVALID_TOKEN");
    }
}
