package dev.fluxbase.ai.tools.reasoning.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.entity.AnswerStyle;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.entity.ToolContext;
import dev.fluxbase.ai.tools.entity.ToolEvents;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The think tool: acknowledged to the model, shown to the user only with show-reasoning. */
class ThinkToolTest {

    private final List<String> progress = new ArrayList<>();
    private final ToolEvents events = new ToolEvents() {
        @Override
        public void progress(String step, String message) {
            progress.add(step + ": " + message);
        }

        @Override
        public void queryResult(String query, String summary, int rowCount, List<JsonObject> data) {
            throw new AssertionError("think runs no query");
        }
    };

    private String think(boolean show, String arguments) {
        ChatbotDefinition chatbot = new ChatbotDefinition("default", "bot", "code", "prompt", ChatbotSettings.builder()
                .answerStyle(AnswerStyle.defaults().withShowReasoning(show)).build());
        return new ThinkTool().run(new ToolCall("t1", "think", arguments), new ToolContext(chatbot, "c", null, new CancelSignal(), events, 1000));
    }

    @Test
    void theThoughtIsAcknowledgedAndShownOnlyWithShowReasoning() {
        assertThat(think(false, "{\"thought\": \"Count the orders first\"}")).isEqualTo(ThinkTool.ACKNOWLEDGED);
        assertThat(progress).isEmpty();
        assertThat(think(true, "{\"thought\": \"Count the orders first\"}")).isEqualTo(ThinkTool.ACKNOWLEDGED);
        assertThat(progress).containsExactly("thinking: Count the orders first");
    }

    @Test
    void fluxbasesThinkArgumentsMakeAThoughtToo() {
        assertThat(ThinkTool.thought(ToolArguments.parse("{\"analysis\": \"Asks for sales\", \"plan\": [\"1. query\", \"2. sum\"], "
                + "\"tool_choice\": \"query_table\"}"))).isEqualTo("Asks for sales\n1. query\n2. sum\nTool: query_table");
    }

    @Test
    void noThoughtAtAllIsToldToTheModel() {
        assertThat(think(true, "{}")).startsWith("Error: invalid arguments: \"thought\" is required");
        assertThat(progress).isEmpty();
    }
}
