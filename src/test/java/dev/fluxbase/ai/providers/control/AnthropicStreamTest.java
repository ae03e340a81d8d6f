package dev.fluxbase.ai.providers.control;

import static dev.fluxbase.ai.providers.control.StreamFixtures.bytes;
import static dev.fluxbase.ai.providers.control.StreamFixtures.jsonString;
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

/** Anthropic's Messages stream, event for event as Anthropic sends it. */
class AnthropicStreamTest {

    private final List<String> deltas = new ArrayList<>();

    private CompletionResult parse(String stream) throws IOException {
        return StreamLines.parse(bytes(stream), new AnthropicStream(deltas::add));
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static String start(int inputTokens) {
        return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[],\"model\":\"claude-it\",\"stop_reason\":null,\"usage\":{\"input_tokens\":" + inputTokens
                + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":2,\"output_tokens\":1}}}");
    }

    private static String textBlock(int index, String... texts) {
        StringBuilder block = new StringBuilder(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        block.append(event("ping", "{\"type\": \"ping\"}"));
        for (String text : texts) {
            block.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                    + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + jsonString(text) + "}}"));
        }
        return block + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    private static String toolBlock(int index, String id, String name, String... pieces) {
        StringBuilder block = new StringBuilder(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":{}}}"));
        for (String piece : pieces) {
            block.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                    + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + jsonString(piece) + "}}"));
        }
        return block + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    private static String end(String stopReason, int outputTokens) {
        return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
    }

    @Test
    void streamsTextAndCountsPromptTokensCachedOnesIncluded() throws IOException {
        CompletionResult result = parse(start(25) + textBlock(0, "Hel", "lo") + end("end_turn", 12));

        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(result.content()).isEqualTo("Hello");
        assertThat(result.usage().promptTokens()).isEqualTo(27);
        assertThat(result.usage().completionTokens()).isEqualTo(12);
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.toolCalls()).isEmpty();
    }

    @Test
    void joinsTheInputOfEachToolUseBlockByItsIndex() throws IOException {
        CompletionResult result = parse(start(40) + textBlock(0, "Checking.")
                + toolBlock(1, "toolu_01A", "execute_sql", "{\"query\": ", "\"SELECT 1\"}")
                + toolBlock(2, "toolu_01B", "http_get") + end("tool_use", 60));

        assertThat(result.toolCalls()).extracting(ToolCall::id).containsExactly("toolu_01A", "toolu_01B");
        assertThat(result.toolCalls()).extracting(ToolCall::name).containsExactly("execute_sql", "http_get");
        assertThat(result.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"query\": \"SELECT 1\"}", "{}");
        assertThat(result.finishReason()).isEqualTo("tool_calls");
        assertThat(deltas).containsExactly("Checking.");
    }

    @Test
    void aToolUseBlockIsTheFirstToken() {
        AnthropicStream stream = new AnthropicStream(deltas::add);
        String opening = toolBlock(0, "toolu_1", "t");
        List<StreamParser.Progress> progress = opening.lines().map(stream::accept).toList();
        assertThat(progress).contains(StreamParser.Progress.TOKEN);
        assertThat(stream.accept("event: message_stop")).isEqualTo(StreamParser.Progress.MORE);
    }

    @Test
    void anOverloadedErrorEventIsAServerErrorThatMayBeRetried() {
        String stream = start(5) + event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThatThrownBy(() -> parse(stream)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.SERVER_ERROR);
            assertThat(e.getMessage()).isEqualTo("Provider error: Overloaded");
        });
    }

    @Test
    void otherErrorEventsBreakTheStream() {
        String stream = event("error", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}");
        assertThatThrownBy(() -> parse(stream)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BROKEN_STREAM));
    }

    @Test
    void aStreamWithoutMessageStopIsBroken() {
        assertThatThrownBy(() -> parse(start(5) + textBlock(0, "cut")))
                .isInstanceOf(ProviderException.class).hasMessage("Provider stream ended unexpectedly");
    }
}
