package dev.fluxbase.ai.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text a placeholder gets from a stored value, as Fluxbase's extractJSONStringValue reads it. */
class SettingTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "\"Acme\"|Acme",
            "{\"value\": \"metric\"}|metric",
            "{\"value\": 5}|5",
            "{\"value\": 2.5}|2.5",
            "{\"value\": true}|true",
            "{\"value\": [1,2]}|[1,2]",
            "{\"mode\": \"dark\"}|{\"mode\":\"dark\"}",
            "42|42",
            "false|false"})
    void readsTheValueAsFluxbaseDoes(String json, String text) {
        assertThat(SettingText.of(JsonFactories.read(json))).isEqualTo(text);
    }
}
