package dev.fluxbase.ai.tools.http.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {

    private final HostAllowList list = new HostAllowList(List.of("api.example.com", "*.weather.gov", "MÜNCHEN.de", "localhost"));

    @Test
    void exactHostsMatchCaseInsensitively() {
        assertThat(list.allows("api.example.com")).isTrue();
        assertThat(list.allows("API.Example.COM.")).isTrue();
        assertThat(list.allows("example.com")).isFalse();
        assertThat(list.allows("api.example.com.evil.net")).isFalse();
        assertThat(list.allows("evilapi.example.com")).isFalse();
    }

    @Test
    void wildcardsMatchTheDomainAndItsSubdomains() {
        assertThat(list.allows("weather.gov")).isTrue();
        assertThat(list.allows("api.weather.gov")).isTrue();
        assertThat(list.allows("a.b.weather.gov")).isTrue();
        assertThat(list.allows("notweather.gov")).isFalse();
    }

    @Test
    void unicodeNamesAreComparedInTheirAsciiForm() {
        assertThat(list.allows("xn--mnchen-3ya.de")).isTrue();
        assertThat(list.allows("münchen.de")).isTrue();
        assertThat(list.allows("munchen.de")).isFalse();
    }

    @Test
    void localHostsNeedToBeListed() {
        assertThat(list.allowsLocal("localhost")).isTrue();
        assertThat(list.allowsLocal("127.0.0.1")).isFalse();
        assertThat(new HostAllowList(List.of()).isEmpty()).isTrue();
    }
}
