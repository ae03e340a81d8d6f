package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.azureFilterChunk;
import static dev.fluxbase.ai.providers.control.StreamFixtures.bytes;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiContent;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiFinish;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiRole;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiToolArguments;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiToolStart;
import static dev.fluxbase.ai.providers.control.StreamFixtures.openAiUsage;
import static dev.fluxbase.ai.providers.control.StreamFixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiStreamTest {

    private final List<String> deltas = new ArrayList<>();

    private CompletionResult parse(String stream) throws IOException {
        return StreamLines.parse(bytes(stream), new OpenAiStream(deltas::add));
    }

    @Test
    void streamsContentAndReadsUsageFromTheFinalChunkWithoutChoices() throws IOException {
        CompletionResult result = parse(sse(List.of(openAiRole(), openAiContent("Hel"), openAiContent("lo"), openAiFinish("stop"),
                openAiUsage(12, 2), "[DONE]")));
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(result.content()).isEqualTo("Hello");
        assertThat(result.usage().promptTokens()).isEqualTo(12);
        assertThat(result.usage().totalTokens()).isEqualTo(14);
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.toolCalls()).isEmpty();
    }

    @Test
    void azuresFirstChunkWithoutChoicesAddsNothing() throws IOException {
        CompletionResult result = parse(sse(List.of(azureFilterChunk(), openAiRole(), openAiContent("Hi"), openAiFinish("stop"),
                openAiUsage(3, 1), "[DONE]")));
        assertThat(deltas).containsExactly("Hi");
        assertThat(result.usage().totalTokens()).isEqualTo(4);
    }

    @Test
    void joinsToolCallFragmentsByIndexInParallel() throws IOException {
        CompletionResult result = parse(sse(List.of(openAiRole(),
                openAiToolStart(0, "call_a", "execute_sql"), openAiToolStart(1, "call_b", "http_get"),
                openAiToolArguments(0, "{\"query\":"), openAiToolArguments(1, "{\"url\":\"https://x\"}"),
                openAiToolArguments(0, "\"SELECT 1\"}"), openAiFinish("tool_calls"), openAiUsage(5, 9), "[DONE]")));
        assertThat(deltas).isEmpty();
        assertThat(result.toolCalls()).containsExactly(
                new ToolCall("call_a", "execute_sql", "{\"query\":\"SELECT 1\"}"),
                new ToolCall("call_b", "http_get", "{\"url\":\"https://x\"}"));
        assertThat(result.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void tellsWhichLinesCarriedTokens() {
        OpenAiStream stream = new OpenAiStream(deltas::add);
        assertThat(stream.accept("data: " + openAiRole())).isEqualTo(StreamParser.Progress.MORE);
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.MORE);
        stream.accept("data: " + openAiContent("x"));
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.TOKEN);
        stream.accept("data: " + openAiToolStart(0, "c", "t"));
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.TOKEN);
        stream.accept("data: [DONE]");
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.FINISHED);
    }

    @Test
    void skipsUnparseableChunksAndAcceptsDoneWithoutATrailingBlankLine() throws IOException {
        CompletionResult result = parse("data: {not json\n\n" + sse(List.of(openAiContent("ok"))) + "data: [DONE]");
        assertThat(result.content()).isEqualTo("ok");
    }

    @Test
    void aStreamThatEndsBeforeDoneIsBroken() {
        assertThatThrownBy(() -> parse(sse(List.of(openAiRole(), openAiContent("half")))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROVIDER_ERROR");
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.BROKEN_STREAM);
                    assertThat(e.getMessage()).isEqualTo("Provider stream ended unexpectedly");
                });
        assertThat(deltas).containsExactly("half");
    }

    @Test
    void anErrorEventEndsTheStreamWithTheProvidersMessage() {
        assertThatThrownBy(() -> parse(sse(List.of(openAiContent("a"), "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"))))
                .isInstanceOf(ProviderException.class).hasMessage("Provider error: overloaded");
    }

    @Test
    void keepsUnicodeSplitAcrossDeltas() throws IOException {
        CompletionResult result = parse(sse(List.of(openAiContent("Gr\u00fc\u00df "), openAiContent("\uD83D\uDE00"), "[DONE]")));
        assertThat(result.content()).isEqualTo("Gr\u00fc\u00df \uD83D\uDE00");
    }
}
