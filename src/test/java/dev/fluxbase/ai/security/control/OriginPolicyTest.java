package dev.fluxbase.ai.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy none = new OriginPolicy(List.of());
    private final OriginPolicy listed = new OriginPolicy(List.of("https://app.example.com", "http://localhost:3000/", "not an origin"));
    private final OriginPolicy any = new OriginPolicy(List.of("*"));

    @Test
    void alwaysAllowsTheServersOwnOrigin() {
        assertThat(none.isOriginAllowed("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(none.isOriginAllowed("https://ai.example.com", "ai.example.com")).isTrue();
        assertThat(none.isOriginAllowed("https://ai.example.com", "AI.example.com:443")).isTrue();
        assertThat(none.isOriginAllowed("http://[::1]:8080", "[::1]:8080")).isTrue();
    }

    @Test
    void refusesOtherOriginsByDefault() {
        assertThat(none.isOriginAllowed("http://localhost:3000", "localhost:8080")).isFalse();
        assertThat(none.isOriginAllowed("https://ai.example.com:8443", "ai.example.com")).isFalse();
        assertThat(none.isOriginAllowed("https://evil.example.com", null)).isFalse();
    }

    @Test
    void allowsListedOriginsExactly() {
        assertThat(listed.isOriginAllowed("https://app.example.com", "api.example.com")).isTrue();
        assertThat(listed.isOriginAllowed("https://APP.example.com:443", "api.example.com")).isTrue();
        assertThat(listed.isOriginAllowed("http://localhost:3000", "localhost:8080")).isTrue();
        assertThat(listed.isOriginAllowed("http://app.example.com", "api.example.com")).isFalse();
        assertThat(listed.isOriginAllowed("https://app.example.com.evil.com", "api.example.com")).isFalse();
        assertThat(listed.isOriginAllowed("https://sub.app.example.com", "api.example.com")).isFalse();
    }

    @Test
    void starAllowsEveryRealOrigin() {
        assertThat(any.isOriginAllowed("https://anything.example.org", "api.example.com")).isTrue();
    }

    @Test
    void neverAllowsNullOrGarbage() {
        for (OriginPolicy policy : List.of(none, listed, any)) {
            assertThat(policy.isOriginAllowed("null", "localhost:8080")).isFalse();
            assertThat(policy.isOriginAllowed(null, "localhost:8080")).isFalse();
            assertThat(policy.isOriginAllowed("", "localhost:8080")).isFalse();
            assertThat(policy.isOriginAllowed("https://app.example.com/path", "x")).isFalse();
            assertThat(policy.isOriginAllowed("https://user@app.example.com", "x")).isFalse();
            assertThat(policy.isOriginAllowed("::::", "x")).isFalse();
        }
    }
}
