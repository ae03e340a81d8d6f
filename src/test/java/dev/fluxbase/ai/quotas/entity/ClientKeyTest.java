package dev.fluxbase.ai.quotas.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001:db8:1:2::5 | 2001:db8:1:2::/64",
            "2001:0DB8:0001:0002:abcd:0:0:1 | 2001:db8:1:2::/64",  // the full form of the same /64
            "2001:db8:1:2:ffff:ffff:ffff:ffff | 2001:db8:1:2::/64",
            "[2001:db8:1:2::7]:443 | 2001:db8:1:2::/64",
            "2001:db8:0:0:1:: | 2001:db8::/64",
            "2001:0:0:1:: | 2001:0:0:1::/64",                      // the zero run in the prefix, compressed once
            "::1 | ::/64",
            "fe80::1%eth0 | fe80::/64",
            "[fe80::1%25eth0]:8080 | fe80::/64",
            "203.0.113.9 | 203.0.113.9",
            "::ffff:203.0.113.9 | 203.0.113.9",
            "198.51.100.1:4711 | 198.51.100.1"})
    void keysIpv6ByItsSlash64AndIpv4Exactly(String address, String key) {
        assertThat(ClientKey.of(address, 64)).isEqualTo(key);
    }

    @Test
    void differentSlash64sDiffer() {
        assertThat(ClientKey.of("2001:db8:1:2::5", 64)).isNotEqualTo(ClientKey.of("2001:db8:1:3::5", 64));
    }

    @Test
    void thePrefixLengthIsTheCallersChoice() {
        assertThat(ClientKey.of("2001:db8:1:2::5", 48)).isEqualTo("2001:db8:1::/48");
        assertThat(ClientKey.of("2001:db8:1:2::5", 56)).isEqualTo(ClientKey.of("2001:db8:1:ff::5", 56)).isEqualTo("2001:db8:1::/56");
        assertThat(ClientKey.of("2001:db8:1:2::5", 128)).isEqualTo("2001:db8:1:2::5/128");
        assertThat(ClientKey.of("2001:db8:1:2::5", 500)).isEqualTo("2001:db8:1:2::5/128");
        assertThat(ClientKey.of("2001:db8:1:2::5", -1)).isEqualTo("::/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "example.com", "2001:db8::zz", "1.2.3.4.5", "%eth0", ":::"})
    void garbageStaysAsItCame(String text) {
        assertThat(ClientKey.of(text, 64)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(ClientKey.of(null, 64)).isNull();
    }
}
