package dev.fluxbase.ai.chatbots.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlTextTest {

    @ParameterizedTest
    @CsvSource({
            "24, 86400", "24h, 86400", "7d, 604800", "30m, 1800", "1h30m, 5400", "1.5h, 5400", "90s, 90", "2h45m30s, 9930",
            ".5h, 1800", "1500ms, 1", "1h0m0s, 3600", "' 12H ', 43200", "100000000000ns, 100", "1d12h, 129600"})
    void everyFormAChatbotFileUses(String text, long seconds) {
        assertThat(TtlText.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "-1h", "1h 30m", "30 minutes", "1.2.3h", "1w", "0", "0s", "999ms", "3000000d"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> TtlText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
