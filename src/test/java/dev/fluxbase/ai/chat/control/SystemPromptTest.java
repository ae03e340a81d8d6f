package dev.fluxbase.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemPromptTest {

    @Test
    void substitutesKnownVariablesAndKeepsUnknownOnes() {
        assertThat(SystemPrompt.render("user {{user_id}} in {{ namespace }}, {{other}} and $1 \\ stay",
                Map.of("user_id", "u-1", "namespace", "default")))
                .isEqualTo("user u-1 in default, {{other}} and $1 \\ stay");
    }
}
