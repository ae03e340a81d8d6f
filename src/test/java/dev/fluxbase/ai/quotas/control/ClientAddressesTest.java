package dev.fluxbase.ai.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.quotas.entity.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1")), 64);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // peer | X-Forwarded-For | client
            "203.0.113.9 | NULL | 203.0.113.9",
            "203.0.113.9 | 198.51.100.1 | 203.0.113.9",          // an untrusted peer cannot name another address
            "10.1.2.3 | 198.51.100.1 | 198.51.100.1",
            "10.1.2.3 | 198.51.100.1, 10.0.0.7 | 198.51.100.1",  // two trusted proxies in a row
            "10.1.2.3 | 6.6.6.6, 198.51.100.1 | 198.51.100.1",   // what the client itself claimed is not believed
            "10.1.2.3 | NULL | 10.1.2.3",
            "10.1.2.3 | garbage | 10.1.2.3",
            "10.1.2.3 | 10.0.0.8 | 10.0.0.8",                    // only proxies all the way: the farthest one
            "10.1.2.3 | 198.51.100.1:4711 | 198.51.100.1",
            "0:0:0:0:0:0:0:1 | 2001:db8::5 | 2001:db8::/64",        // IPv6 clients by their /64
            "::1 | [2001:db8::5]:443 | 2001:db8::/64",
            "::1 | ::ffff:198.51.100.1 | 198.51.100.1",
            "2001:db8:0:7::1 | 2001:db8::5 | 2001:db8:0:7::/64"}) // an untrusted IPv6 peer
    void believesForwardedAddressesOnlyFromTrustedProxies(String peer, String forwardedFor, String client) {
        assertThat(behindProxies.resolve(peer, forwardedFor)).isEqualTo(client);
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(new ClientAddresses(List.of(), 64).resolve("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void thePrefixLengthIsConfigurableWithinIpv6() {
        assertThat(new ClientAddresses(List.of(), 48).resolve("2001:db8:1:2::5", null)).isEqualTo("2001:db8:1::/48");
        assertThatThrownBy(() -> new ClientAddresses(List.of(), 129)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownPeerStaysUnknown() {
        assertThat(behindProxies.resolve(null, "198.51.100.1")).isNull();
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRange range = AddressRange.parse("192.168.4.0/22");
        assertThat(range.contains(AddressRange.literal("192.168.7.255").orElseThrow())).isTrue();
        assertThat(range.contains(AddressRange.literal("192.168.8.0").orElseThrow())).isFalse();
        assertThat(range.contains(AddressRange.literal("::1").orElseThrow())).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(AddressRange.literal("8.8.8.8").orElseThrow())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "", "::1/129"})
    void refusesWhatIsNotAnAddressOrRange(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverAsksDnsForAName() {
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.literal("example.com")).isEmpty();
    }
}
