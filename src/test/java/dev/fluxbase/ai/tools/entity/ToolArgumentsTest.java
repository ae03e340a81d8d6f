package dev.fluxbase.ai.tools.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

    @Test
    void readsTheModelsArguments() {
        assertThat(ToolArguments.parse("{\"sql\":\"SELECT 1\"}").requiredText("sql")).isEqualTo("SELECT 1");
    }

    @Test
    void whatIsWrongBecomesTheToolResult() {
        assertThat(result(() -> ToolArguments.parse("{not json"))).isEqualTo("Error: invalid arguments: expected a JSON object");
        assertThat(result(() -> ToolArguments.parse(null))).isEqualTo("Error: invalid arguments: expected a JSON object");
        assertThat(result(() -> ToolArguments.parse("{\"sql\":\" \"}").requiredText("sql"))).isEqualTo("Error: invalid arguments: \"sql\" is required");
        assertThat(result(() -> ToolArguments.parse("{\"url\":[\"x\"]}").requiredText("url")))
                .isEqualTo("Error: invalid arguments: \"url\" must be a string");
    }

    private static String result(Runnable read) {
        try {
            read.run();
        } catch (ToolArguments.Invalid e) {
            return e.toolResult();
        }
        throw new AssertionError("the arguments were accepted");
    }
}
