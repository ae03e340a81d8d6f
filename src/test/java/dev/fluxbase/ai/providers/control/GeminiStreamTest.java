package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.bytes;
import static dev.fluxbase.ai.providers.control.StreamFixtures.jsonString;
import static dev.fluxbase.ai.providers.control.StreamFixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.entity.CompletionResult;
import dev.fluxbase.ai.providers.entity.ProviderException;
import dev.fluxbase.ai.providers.entity.ProviderException.Failure;
import dev.fluxbase.ai.providers.entity.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gemini's {@code streamGenerateContent?alt=sse}, chunk for chunk as Gemini sends it. */
class GeminiStreamTest {

    private final List<String> deltas = new ArrayList<>();

    private CompletionResult parse(String stream) throws IOException {
        return StreamLines.parse(bytes(stream), new GeminiStream(deltas::add));
    }

    private static String chunk(String parts, String finishReason, String usage) {
        return "{\"candidates\":[{\"content\":{\"parts\":[" + parts + "],\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]"
                + (usage == null ? "" : ",\"usageMetadata\":" + usage) + ",\"modelVersion\":\"gemini-it\",\"responseId\":\"r1\"}";
    }

    private static String text(String text) {
        return "{\"text\":" + jsonString(text) + "}";
    }

    private static String usage(int prompt, int candidates, int thoughts) {
        return "{\"promptTokenCount\":" + prompt + ",\"candidatesTokenCount\":" + candidates + ",\"thoughtsTokenCount\":" + thoughts
                + ",\"totalTokenCount\":" + (prompt + candidates + thoughts) + "}";
    }

    @Test
    void streamsTextAndCountsThinkingAsOutput() throws IOException {
        CompletionResult result = parse(sse(List.of(chunk(text("Bon"), null, usage(9, 1, 0)),
                chunk("{\"text\":\"planning\",\"thought\":true}," + text("jour"), "STOP", usage(9, 2, 30)))));

        assertThat(deltas).containsExactly("Bon", "jour");
        assertThat(result.content()).isEqualTo("Bonjour");
        assertThat(result.usage().promptTokens()).isEqualTo(9);
        assertThat(result.usage().completionTokens()).isEqualTo(32);
        assertThat(result.finishReason()).isEqualTo("stop");
    }

    @Test
    void functionCallsGetIdsOfTheirOwnAndKeepTheirThoughtSignature() throws IOException {
        String calls = "{\"functionCall\":{\"name\":\"execute_sql\",\"args\":{\"query\":\"SELECT 1\"}},\"thoughtSignature\":\"c2ln\"},"
                + "{\"functionCall\":{\"name\":\"execute_sql\",\"args\":{\"query\":\"SELECT 2\"}}}";
        CompletionResult result = parse(sse(List.of(chunk(calls, "STOP", usage(20, 8, 0)))));

        assertThat(result.toolCalls()).extracting(ToolCall::name).containsExactly("execute_sql", "execute_sql");
        assertThat(result.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"query\":\"SELECT 1\"}", "{\"query\":\"SELECT 2\"}");
        assertThat(result.toolCalls()).extracting(ToolCall::providerData).containsExactly("c2ln", null);
        assertThat(result.toolCalls()).extracting(ToolCall::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("call_"));
        assertThat(result.finishReason()).isEqualTo("tool_calls");
        assertThat(deltas).isEmpty();
    }

    @Test
    void theAnswerEndsWithTheFinishReasonAndItsUsage() {
        GeminiStream stream = new GeminiStream(deltas::add);
        assertThat(stream.accept("data: " + chunk(text("a"), null, usage(1, 1, 0)))).isEqualTo(StreamParser.Progress.MORE);
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.TOKEN);
        stream.accept("data: " + chunk(text("b"), "MAX_TOKENS", usage(1, 2, 0)));
        assertThat(stream.accept("")).isEqualTo(StreamParser.Progress.FINISHED);
        assertThat(stream.result().finishReason()).isEqualTo("length");
    }

    @Test
    void usageThatComesAfterTheFinishReasonIsWaitedFor() throws IOException {
        CompletionResult result = parse(sse(List.of(chunk(text("x"), "STOP", null), "{\"usageMetadata\":" + usage(4, 1, 0) + "}")));
        assertThat(result.usage().promptTokens()).isEqualTo(4);
        assertThat(result.content()).isEqualTo("x");
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonIsBroken() {
        assertThatThrownBy(() -> parse(sse(List.of(chunk(text("cut"), null, usage(1, 1, 0))))))
                .isInstanceOf(ProviderException.class).hasMessage("Provider stream ended unexpectedly");
    }

    @Test
    void anErrorInTheStreamKeepsItsStatus() {
        String error = "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}";
        assertThatThrownBy(() -> parse(sse(List.of(error)))).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.SERVER_ERROR));
    }
}
