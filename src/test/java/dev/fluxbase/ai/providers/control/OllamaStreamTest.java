package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.bytes;
import static dev.fluxbase.ai.providers.control.StreamFixtures.ollamaContent;
import static dev.fluxbase.ai.providers.control.StreamFixtures.ollamaDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaStreamTest {

    private final List<String> deltas = new ArrayList<>();

    private CompletionResult parse(String stream) throws IOException {
        return StreamLines.parse(bytes(stream), new OllamaStream(deltas::add));
    }

    @Test
    void streamsContentAndReadsTheCountsOfTheDoneLine() throws IOException {
        CompletionResult result = parse(ollamaContent("Bon") + ollamaContent("jour") + ollamaDone(26, 2));
        assertThat(deltas).containsExactly("Bon", "jour");
        assertThat(result.content()).isEqualTo("Bonjour");
        assertThat(result.usage().promptTokens()).isEqualTo(26);
        assertThat(result.usage().completionTokens()).isEqualTo(2);
        assertThat(result.finishReason()).isEqualTo("stop");
    }

    @Test
    void toolCallsWithObjectArgumentsGetUniqueIds() throws IOException {
        String calls = "{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"function\":{\"name\":\"execute_sql\",\"arguments\":{\"query\":\"SELECT 1\"}}},"
                + "{\"function\":{\"name\":\"execute_sql\",\"arguments\":{\"query\":\"SELECT 2\"}}}]},\"done\":false}\n";
        CompletionResult result = parse(calls + ollamaDone(7, 3));
        assertThat(result.toolCalls()).extracting(ToolCall::name).containsExactly("execute_sql", "execute_sql");
        assertThat(result.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"query\":\"SELECT 1\"}", "{\"query\":\"SELECT 2\"}");
        assertThat(result.toolCalls()).extracting(ToolCall::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("call_"));
        assertThat(result.finishReason()).isEqualTo("tool_calls");
        assertThat(deltas).isEmpty();
    }

    @Test
    void argumentsSentAsTextAreKept() throws IOException {
        String call = "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"t\",\"arguments\":\"{\\\"a\\\":1}\"}}]},\"done\":false}\n";
        assertThat(parse(call + ollamaDone(1, 1)).toolCalls().get(0).arguments()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aStreamWithoutDoneIsBroken() {
        assertThatThrownBy(() -> parse(ollamaContent("cut")))
                .isInstanceOf(ProviderException.class).hasMessage("Provider stream ended unexpectedly");
    }

    @Test
    void anErrorLineEndsTheStream() {
        assertThatThrownBy(() -> parse(ollamaContent("a") + "{\"error\":\"model 'x' not found\"}\n"))
                .isInstanceOf(ProviderException.class).hasMessage("Provider error: model 'x' not found");
    }

    @Test
    void blankAndUnparseableLinesAreSkipped() throws IOException {
        assertThat(parse("\n" + ollamaContent("a") + "garbage\n" + ollamaDone(1, 1)).content()).isEqualTo("a");
    }
}
