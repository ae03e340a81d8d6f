package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders a {@link Reply} as Anthropic's Messages API ({@code POST /v1/messages}): SSE with named events,
 * {@code message_start} with the prompt's tokens, one content block per text and per tool call (tool input as
 * {@code input_json_delta} pieces), {@code message_delta} with the stop reason and output tokens, {@code message_stop}.
 * Tool call ids are the script's. Content chunks are one per text delta and, per tool call, its opening plus one per
 * input piece.
 */
public final class AnthropicWire {

    static final String PATH = "/v1/messages";

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final AtomicLong MESSAGE_SEQUENCE = new AtomicLong();
    private static final int INPUT_PIECES = 3;

    private final String model;
    private final String id = "msg_fake" + MESSAGE_SEQUENCE.incrementAndGet();

    AnthropicWire(JsonObject request) {
        this.model = request.getString("model", "");
    }

    static boolean isStreaming(JsonObject request) {
        return request.getBoolean("stream", false);
    }

    /** Anthropic's error envelope, e.g. type {@code authentication_error}. */
    static String error(String message, String type) {
        return JSON.createObjectBuilder().add("type", "error")
                .add("error", JSON.createObjectBuilder().add("type", type).add("message", message)).build().toString();
    }

    StreamFrames stream(Reply reply) {
        List<String> lead = new ArrayList<>();
        lead.add(event("message_start", JSON.createObjectBuilder().add("type", "message_start").add("message", message(reply, true))));
        List<String> chunks = new ArrayList<>();
        int index = 0;
        if (!reply.textDeltas().isEmpty()) {
            lead.add(blockStart(index, JSON.createObjectBuilder().add("type", "text").add("text", "")));
            for (String delta : reply.textDeltas()) {
                chunks.add(blockDelta(index, JSON.createObjectBuilder().add("type", "text_delta").add("text", delta)));
            }
            index++;
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            String closing = index > 0 ? blockStop(index - 1) : "";
            chunks.add(closing + blockStart(index, JSON.createObjectBuilder().add("type", "tool_use").add("id", call.id())
                    .add("name", call.name()).add("input", JSON.createObjectBuilder())));
            for (String piece : OpenAiWire.split(call.argumentsJson(), INPUT_PIECES)) {
                chunks.add(blockDelta(index, JSON.createObjectBuilder().add("type", "input_json_delta").add("partial_json", piece)));
            }
            index++;
        }
        List<String> trailer = new ArrayList<>();
        if (index > 0) {
            trailer.add(blockStop(index - 1));
        }
        trailer.add(event("message_delta", JSON.createObjectBuilder().add("type", "message_delta")
                .add("delta", JSON.createObjectBuilder().add("stop_reason", stopReason(reply)).addNull("stop_sequence"))
                .add("usage", JSON.createObjectBuilder().add("output_tokens", reply.completionTokens()))));
        trailer.add(event("message_stop", JSON.createObjectBuilder().add("type", "message_stop")));
        return new StreamFrames(lead, chunks, trailer);
    }

    String completion(Reply reply) {
        return message(reply, false).build().toString();
    }

    /** The message object: empty and with the prompt's tokens only at the start of a stream, whole otherwise. */
    private JsonObjectBuilder message(Reply reply, boolean opening) {
        JsonArrayBuilder content = JSON.createArrayBuilder();
        if (!opening) {
            if (!reply.text().isEmpty()) {
                content.add(JSON.createObjectBuilder().add("type", "text").add("text", reply.text()));
            }
            reply.toolCalls().forEach(call -> content.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", call.id())
                    .add("name", call.name()).add("input", OllamaWire.argumentsObject(call))));
        }
        JsonObjectBuilder message = JSON.createObjectBuilder().add("id", id).add("type", "message").add("role", "assistant")
                .add("content", content).add("model", model);
        if (opening) {
            message.addNull("stop_reason");
        } else {
            message.add("stop_reason", stopReason(reply));
        }
        return message.addNull("stop_sequence").add("usage", JSON.createObjectBuilder()
                .add("input_tokens", reply.promptTokens()).add("cache_creation_input_tokens", 0).add("cache_read_input_tokens", 0)
                .add("output_tokens", opening ? 1 : reply.completionTokens()));
    }

    private static String stopReason(Reply reply) {
        return reply.toolCalls().isEmpty() ? "end_turn" : "tool_use";
    }

    private static String blockStart(int index, JsonObjectBuilder block) {
        return event("content_block_start", JSON.createObjectBuilder().add("type", "content_block_start").add("index", index)
                .add("content_block", block));
    }

    private static String blockDelta(int index, JsonObjectBuilder delta) {
        return event("content_block_delta", JSON.createObjectBuilder().add("type", "content_block_delta").add("index", index)
                .add("delta", delta));
    }

    private static String blockStop(int index) {
        return event("content_block_stop", JSON.createObjectBuilder().add("type", "content_block_stop").add("index", index));
    }

    private static String event(String name, JsonObjectBuilder data) {
        return "event: " + name + "\ndata: " + data.build() + "\n\n";
    }
}
