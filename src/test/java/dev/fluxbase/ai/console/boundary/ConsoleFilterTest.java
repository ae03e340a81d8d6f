package dev.fluxbase.ai.console.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleFilterTest {

    @Test
    void thePolicyAllowsOnlyTheServersOwnScriptsStylesAndSockets() {
        assertThat(ConsoleFilter.policy(requestWithHost("console.example:8080"), Optional.empty())).isEqualTo(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self' ws://console.example:8080 wss://console.example:8080; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    @Test
    void aHostHeaderThatCouldBreakThePolicyIsLeftOut() {
        assertThat(ConsoleFilter.policy(requestWithHost("evil; script-src *"), Optional.empty())).contains("connect-src 'self';").doesNotContain("evil");
        assertThat(ConsoleFilter.policy(requestWithHost(null), Optional.empty())).contains("connect-src 'self';");
    }

    @Test
    void theIdentityProviderTheConsoleSignsInWithMayBeCalled() {
        assertThat(ConsoleFilter.policy(requestWithHost("console.example"), Optional.of("https://idp.example")))
                .contains("connect-src 'self' https://idp.example ws://console.example wss://console.example;")
                .contains("script-src 'self';", "form-action 'self';");
    }

    private static HttpServletRequest requestWithHost(String host) {
        return (HttpServletRequest) Proxy.newProxyInstance(ConsoleFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> "getHeader".equals(method.getName()) && "Host".equals(args[0]) ? host : null);
    }
}
