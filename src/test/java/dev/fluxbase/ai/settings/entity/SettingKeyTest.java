package dev.fluxbase.ai.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "company.name", "weather.api_key", "Z9", "a..b", "a."})
    void keysOfTheTemplatePatternAreValid(String key) {
        assertThat(SettingKey.isValid(key)).isTrue();
        assertThat(SettingKey.checked(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", ".a", "_a", "a b", "a-b", "a/b", "user:a", "a|b", "ä", "a\n"})
    void otherKeysAreRefusedWithTheirCode(String key) {
        assertThat(SettingKey.isValid(key)).isFalse();
        assertThatThrownBy(() -> SettingKey.checked(key)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("INVALID_KEY");
        });
    }

    @Test
    void keysAreBoundedAndARefusedLongOneIsNotEchoedWhole() {
        assertThat(SettingKey.isValid("k".repeat(128))).isTrue();
        assertThat(SettingKey.isValid("k".repeat(129))).isFalse();
        assertThat(SettingKey.isValid(null)).isFalse();
        assertThatThrownBy(() -> SettingKey.checked("k".repeat(10_000))).hasMessageNotContaining("k".repeat(200));
    }
}
