package dev.fluxbase.ai.tools.http.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.tools.http.entity.HttpSecret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpOverridesTest {

    @Test
    void hostPinsAreNormalised() {
        assertThat(HttpOverrides.parseHosts("API.Allowed.test:127.0.0.1, other.test:::1")).containsEntry("api.allowed.test", "127.0.0.1")
                .containsEntry("other.test", "::1");
    }

    @Test
    void secretsAreReadFromJsonAndNeverPrinted() {
        List<HttpSecret> secrets = HttpOverrides.parseSecrets(
                "[{\"chatbot\":\"weather\",\"domain\":\"api.openweathermap.org\",\"query\":{\"appid\":\"s3cr3t\"},\"headers\":{\"X-Key\":\"k3y\"}}]");
        assertThat(secrets).singleElement().satisfies(secret -> {
            assertThat(secret.query()).isEqualTo(Map.of("appid", "s3cr3t"));
            assertThat(secret.headers()).isEqualTo(Map.of("X-Key", "k3y"));
            assertThat(secret.toString()).doesNotContain("s3cr3t", "k3y");
        });
        assertThat(HttpOverrides.parseSecrets("{not an array")).isEmpty();
    }
}
