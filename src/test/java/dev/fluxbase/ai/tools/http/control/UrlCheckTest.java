package dev.fluxbase.ai.tools.http.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCheckTest {

    private final HostAllowList allowed = new HostAllowList(List.of("api.example.com", "localhost"));

    @Test
    void httpsToAnAllowedHostPasses() {
        assertThat(UrlCheck.check("https://api.example.com/v1/data?q=1", allowed).getHost()).isEqualTo("api.example.com");
        assertThat(UrlCheck.check("http://localhost:8080/x", allowed).getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://api.example.com/|HTTPS is required for api.example.com",
            "https://user:pw@api.example.com/|URLs with embedded credentials are not allowed",
            "https://evil.com/|Domain not allowed: evil.com",
            "https://2130706433/|Domain not allowed: 2130706433",
            "https://0x7f000001/|Domain not allowed: 0x7f000001",
            "https://[::ffff:127.0.0.1]/|Domain not allowed: [::ffff:127.0.0.1]",
            "https://169.254.169.254/latest/meta-data|Domain not allowed: 169.254.169.254",
            "ftp://api.example.com/file|Only http and https URLs are supported",
            "file:///etc/passwd|Only http and https URLs are supported",
            "/relative/path|Not an absolute http(s) URL: /relative/path",
            "https://api.example.com:99999999999/|The URL has no host"})
    void refusals(String url, String reason) {
        assertThatThrownBy(() -> UrlCheck.check(url, allowed)).isInstanceOf(FetchRefused.class).hasMessage(reason);
    }

    @Test
    void aChatbotWithoutDomainsMayFetchNothing() {
        assertThatThrownBy(() -> UrlCheck.check("https://api.example.com/", new HostAllowList(List.of())))
                .hasMessageContaining("no http-allowed-domains");
    }
}
