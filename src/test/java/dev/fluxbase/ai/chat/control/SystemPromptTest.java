package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemPromptTest {

    private static final Map<String, String> VARIABLES = Map.of("user_id", "u-1", "namespace", "default");

    @Test
    void substitutesTheBuiltInsAndSettingsAndKeepsWhatNamesNeither() {
        Map<String, String> settings = Map.of("company.name", "Acme", "user:units", "metric");
        assertThat(SystemPrompt.render("user {{user_id}} in {{ namespace }} of {{company.name}} in {{user:units}}, {{other}}, {{ other }}, "
                + "{{not a key}} and $1 \\ stay", VARIABLES, ref -> settings.getOrDefault(ref.toString(), "")))
                .isEqualTo("user u-1 in default of Acme in metric, , {{ other }}, {{not a key}} and $1 \\ stay");
    }

    @Test
    void aBuiltInIsNeverASettingAndValuesAreNotReadAgain() {
        assertThat(SystemPrompt.render("{{user_id}} {{system:user_id}} {{x}}", VARIABLES,
                ref -> ref.toString().equals("x") ? "{{user_id}}" : "setting " + ref))
                .isEqualTo("u-1 setting system:user_id {{user_id}}");
    }
}
