package dev.fluxbase.ai.tools.http.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** http_get's rules for the MCP servers an admin registers; only IP literals and pinned names, so no DNS is asked. */
class ServerUrlGuardTest {

    private static ServerUrlGuard guard(String privateHosts) {
        return ServerUrlGuardAccess.guard(privateHosts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://10.0.0.1/mcp|Address not allowed: 10.0.0.1 resolves to a private, loopback, link-local or reserved address (10.0.0.1)",
            "https://127.0.0.1:8443/mcp|Address not allowed: 127.0.0.1 resolves to a private, loopback, link-local or reserved address (127.0.0.1)",
            "https://169.254.169.254/|Address not allowed: 169.254.169.254 resolves to a private, loopback, link-local or reserved address (169.254.169.254)",
            "https://mcp.pinned.test/mcp|Address not allowed: mcp.pinned.test resolves to a private, loopback, link-local or reserved address (10.1.2.3)",
            "http://public.pinned.test/mcp|HTTPS is required for public.pinned.test (an operator may allow plain http to a host in FLUXBASE_MCP_PRIVATE_HOSTS)",
            "https://user:pw@public.pinned.test/mcp|URLs with embedded credentials are not allowed",
            "ftp://public.pinned.test/mcp|Only http and https URLs are supported"})
    void privateAddressesPlainHttpAndCredentialsAreRefusedWithoutTheOperatorsLeave(String url, String reason) {
        assertThatThrownBy(() -> guard(null).check(url)).isInstanceOf(FetchRefused.class).hasMessage(reason);
    }

    @Test
    void aPublicAddressOverHttpsPasses() {
        assertThat(guard(null).check("https://public.pinned.test/mcp").getHost()).isEqualTo("public.pinned.test");
    }

    @Test
    void hostsTheOperatorNamedMayBePrivateAndPlainHttp() {
        ServerUrlGuard guard = guard("localhost, *.pinned.test");
        assertThat(guard.check("http://localhost:9000/mcp").getPort()).isEqualTo(9000);
        assertThat(guard.check("http://mcp.pinned.test/mcp").getHost()).isEqualTo("mcp.pinned.test");
        assertThatThrownBy(() -> guard.check("https://10.0.0.1/mcp")).hasMessageStartingWith("Address not allowed");
    }
}
