package dev.fluxbase.ai.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.settings.entity.SettingRef.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fluxbase's template pattern: which placeholders name settings, and how a text is resolved in one pass. */
class PlaceholdersTest {

    @Test
    void eachFormNamesASettingWithItsScope() {
        assertThat(Placeholders.ref("company.name")).contains(new SettingRef(Scope.USER_THEN_SYSTEM, "company.name"));
        assertThat(Placeholders.ref("user:preferred.units")).contains(new SettingRef(Scope.USER, "preferred.units"));
        assertThat(Placeholders.ref("system:weather.api_key")).contains(new SettingRef(Scope.SYSTEM, "weather.api_key"));
        assertThat(Placeholders.ref("A1_b.C")).contains(new SettingRef(Scope.USER_THEN_SYSTEM, "A1_b.C"));
    }

    @Test
    void theBuiltInVariablesAreReservedOnlyWhenBare() {
        assertThat(Placeholders.ref("user_id")).isEmpty();
        assertThat(Placeholders.ref("namespace")).isEmpty();
        assertThat(Placeholders.ref("system:user_id")).contains(new SettingRef(Scope.SYSTEM, "user_id"));
        assertThat(Placeholders.ref("user:namespace")).contains(new SettingRef(Scope.USER, "namespace"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " key ", "1key", "_key", "key-name", "team:key", "user:", "user: key", "system:1x", "a/b", "a:b", "a|b"})
    void otherTextsNameNoSetting(String inner) {
        assertThat(Placeholders.ref(inner)).isEmpty();
    }

    @Test
    void aKeyLongerThanAnyStoredOneNamesNoSetting() {
        assertThat(Placeholders.ref("k".repeat(SettingKey.MAX_LENGTH))).isPresent();
        assertThat(Placeholders.ref("k".repeat(SettingKey.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void resolvingReplacesSettingsOnceAndKeepsEverythingElse() {
        Map<String, String> values = Map.of("company.name", "Acme {{system:secret}}", "preferred.units", "metric");

        String resolved = Placeholders.resolve("{{company.name}} in {{user:preferred.units}}, {{missing}}, {{user_id}}, {{ spaced }}, $1 \\",
                ref -> values.getOrDefault(ref.key(), ""));

        assertThat(resolved).isEqualTo("Acme {{system:secret}} in metric, , {{user_id}}, {{ spaced }}, $1 \\");
    }
}
