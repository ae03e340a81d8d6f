package dev.fluxbase.ai.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigListTest {

    @Test
    void splitsTrimsAndDropsBlanks() {
        assertThat(ConfigList.of(" a, b ,,c ")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ConfigList.of(null)).isEmpty();
        assertThat(ConfigList.of("")).isEmpty();
    }
}
