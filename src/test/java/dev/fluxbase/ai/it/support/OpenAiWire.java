package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders a {@link Reply} as OpenAI chat completions (and Azure OpenAI, which differs in a few
 * details that break naive clients: a first chunk with no choices, the real model name instead of
 * the deployment, content-filter fields). One instance per request.
 */
public final class OpenAiWire {

    static final String SSE_CONTENT_TYPE = "text/event-stream";

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final AtomicLong COMPLETION_SEQUENCE = new AtomicLong();
    private static final String AZURE_MODEL = "gpt-4o";
    private static final String FINGERPRINT = "fp_fake";
    private static final int ARGUMENT_PIECES = 3;

    private final boolean azure;
    private final boolean includeUsage;
    private final String model;
    private final String id = "chatcmpl-fake" + COMPLETION_SEQUENCE.incrementAndGet();
    private final long created = Instant.now().getEpochSecond();

    OpenAiWire(JsonObject request, boolean azure) {
        this.azure = azure;
        this.model = azure ? AZURE_MODEL : request.getString("model", "");
        JsonObject streamOptions = request.getJsonObject("stream_options");
        this.includeUsage = streamOptions != null && streamOptions.getBoolean("include_usage", false);
    }

    static boolean isStreaming(JsonObject request) {
        return request.getBoolean("stream", false);
    }

    /** OpenAI's error envelope; {@code code} is left out when null. */
    static String error(String message, String type, String code) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
        if (code != null) {
            error.add("code", code);
        }
        return JSON.createObjectBuilder().add("error", error).build().toString();
    }

    static String embeddings(JsonObject request) {
        List<String> inputs = FakeEmbeddings.inputs(request);
        int dimensions = FakeEmbeddings.dimensions(request);
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            data.add(JSON.createObjectBuilder()
                    .add("object", "embedding")
                    .add("index", i)
                    .add("embedding", FakeEmbeddings.vectorJson(JSON, inputs.get(i), dimensions)));
        }
        int tokens = FakeEmbeddings.tokenCount(inputs);
        return JSON.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("model", request.getString("model", ""))
                .add("usage", JSON.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
                .build().toString();
    }

    StreamFrames stream(Reply reply) {
        List<String> lead = new ArrayList<>();
        if (azure) {
            lead.add(event(promptFilterChunk()));
        }
        lead.add(event(chunk(JSON.createObjectBuilder().add("role", "assistant").add("content", ""), null)));

        List<String> chunks = new ArrayList<>();
        for (String delta : reply.textDeltas()) {
            chunks.add(event(chunk(JSON.createObjectBuilder().add("content", delta), null)));
        }
        for (int index = 0; index < reply.toolCalls().size(); index++) {
            chunks.addAll(toolCallEvents(index, reply.toolCalls().get(index)));
        }

        List<String> trailer = new ArrayList<>();
        trailer.add(event(chunk(JSON.createObjectBuilder(), finishReason(reply))));
        if (includeUsage) {
            trailer.add(event(envelope("chat.completion.chunk")
                    .add("choices", JSON.createArrayBuilder())
                    .add("usage", usage(reply))
                    .build()));
        }
        trailer.add("data: [DONE]\n\n");
        return new StreamFrames(lead, chunks, trailer);
    }

    String completion(Reply reply) {
        JsonObjectBuilder choice = JSON.createObjectBuilder()
                .add("index", 0)
                .add("message", message(reply))
                .addNull("logprobs")
                .add("finish_reason", finishReason(reply));
        if (azure) {
            choice.add("content_filter_results", JSON.createObjectBuilder());
        }
        JsonObjectBuilder completion = envelope("chat.completion")
                .add("choices", JSON.createArrayBuilder().add(choice))
                .add("usage", usage(reply));
        if (azure) {
            completion.add("prompt_filter_results", promptFilterResults());
        }
        return completion.build().toString();
    }

    private JsonObjectBuilder message(Reply reply) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        if (reply.text().isEmpty() && !reply.toolCalls().isEmpty()) {
            message.addNull("content");
        } else {
            message.add("content", reply.text());
        }
        message.addNull("refusal");
        if (!reply.toolCalls().isEmpty()) {
            JsonArrayBuilder calls = JSON.createArrayBuilder();
            reply.toolCalls().forEach(call -> calls.add(JSON.createObjectBuilder()
                    .add("id", call.id())
                    .add("type", "function")
                    .add("function", function(call.name(), call.argumentsJson()))));
            message.add("tool_calls", calls);
        }
        return message;
    }

    /** An opening chunk with id and name, then the arguments in pieces, as OpenAI streams them. */
    private List<String> toolCallEvents(int index, Reply.ToolCall call) {
        List<String> events = new ArrayList<>();
        events.add(event(chunk(toolCallDelta(JSON.createObjectBuilder()
                .add("index", index)
                .add("id", call.id())
                .add("type", "function")
                .add("function", function(call.name(), ""))), null)));
        for (String piece : split(call.argumentsJson(), ARGUMENT_PIECES)) {
            events.add(event(chunk(toolCallDelta(JSON.createObjectBuilder()
                    .add("index", index)
                    .add("function", JSON.createObjectBuilder().add("arguments", piece))), null)));
        }
        return events;
    }

    private static JsonObjectBuilder toolCallDelta(JsonObjectBuilder toolCall) {
        return JSON.createObjectBuilder().add("tool_calls", JSON.createArrayBuilder().add(toolCall));
    }

    private static JsonObjectBuilder function(String name, String arguments) {
        return JSON.createObjectBuilder().add("name", name).add("arguments", arguments);
    }

    private JsonObject chunk(JsonObjectBuilder delta, String finishReason) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        if (azure) {
            choice.add("content_filter_results", JSON.createObjectBuilder());
        }
        JsonObjectBuilder chunk = envelope("chat.completion.chunk").add("choices", JSON.createArrayBuilder().add(choice));
        if (includeUsage) {
            // Real OpenAI puts "usage": null on every chunk once usage is requested; clients must cope.
            chunk.addNull("usage");
        }
        return chunk.build();
    }

    private JsonObjectBuilder envelope(String object) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("object", object)
                .add("created", created)
                .add("model", model)
                .add("system_fingerprint", FINGERPRINT);
    }

    /** Azure's first chunk: empty id, model and object, no choices; only the prompt's moderation verdict. */
    private static JsonObject promptFilterChunk() {
        return JSON.createObjectBuilder()
                .add("choices", JSON.createArrayBuilder())
                .add("created", 0)
                .add("id", "")
                .add("model", "")
                .add("object", "")
                .add("prompt_filter_results", promptFilterResults())
                .build();
    }

    private static JsonArrayBuilder promptFilterResults() {
        JsonObjectBuilder results = JSON.createObjectBuilder();
        for (String category : List.of("hate", "self_harm", "sexual", "violence")) {
            results.add(category, JSON.createObjectBuilder().add("filtered", false).add("severity", "safe"));
        }
        return JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("prompt_index", 0)
                .add("content_filter_results", results));
    }

    private static JsonObjectBuilder usage(Reply reply) {
        return JSON.createObjectBuilder()
                .add("prompt_tokens", reply.promptTokens())
                .add("completion_tokens", reply.completionTokens())
                .add("total_tokens", reply.promptTokens() + reply.completionTokens());
    }

    private static String finishReason(Reply reply) {
        return reply.toolCalls().isEmpty() ? "stop" : "tool_calls";
    }

    private static String event(JsonObject data) {
        return "data: " + data + "\n\n";
    }

    /** Splits on code point boundaries so that no piece carries half a surrogate pair. */
    static List<String> split(String text, int maxPieces) {
        int codePoints = text.codePointCount(0, text.length());
        int pieces = Math.max(1, Math.min(maxPieces, codePoints));
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int piece = 1; piece <= pieces; piece++) {
            int end = piece == pieces ? text.length() : text.offsetByCodePoints(0, codePoints * piece / pieces);
            result.add(text.substring(start, end));
            start = end;
        }
        return result;
    }
}
