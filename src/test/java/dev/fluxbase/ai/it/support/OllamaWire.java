package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Reply} as Ollama's {@code /api/chat}: NDJSON lines, tool calls whole in one line
 * with arguments as a JSON object and no ids, statistics only on the final {@code done} line.
 */
public final class OllamaWire {

    static final String NDJSON_CONTENT_TYPE = "application/x-ndjson";

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    // Plausible nanosecond timings; clients may log them but nothing should depend on their values.
    private static final long LOAD_NANOS = 1_000_000L;
    private static final long EVAL_NANOS = 5_000_000L;

    private final String model;

    OllamaWire(JsonObject request) {
        this.model = request.getString("model", "");
    }

    /** Unlike OpenAI, Ollama streams unless told otherwise. */
    static boolean isStreaming(JsonObject request) {
        return request.getBoolean("stream", true);
    }

    static String error(String message) {
        return JSON.createObjectBuilder().add("error", message).build().toString();
    }

    static String embed(JsonObject request) {
        List<String> inputs = FakeEmbeddings.inputs(request);
        int dimensions = FakeEmbeddings.dimensions(request);
        JsonArrayBuilder embeddings = JSON.createArrayBuilder();
        inputs.forEach(text -> embeddings.add(FakeEmbeddings.vectorJson(JSON, text, dimensions)));
        return JSON.createObjectBuilder()
                .add("model", request.getString("model", ""))
                .add("embeddings", embeddings)
                .add("total_duration", LOAD_NANOS + EVAL_NANOS)
                .add("load_duration", LOAD_NANOS)
                .add("prompt_eval_count", FakeEmbeddings.tokenCount(inputs))
                .build().toString();
    }

    StreamFrames stream(Reply reply) {
        List<String> chunks = new ArrayList<>();
        for (String delta : reply.textDeltas()) {
            chunks.add(line(progress(message(delta))));
        }
        if (!reply.toolCalls().isEmpty()) {
            chunks.add(line(progress(message("").add("tool_calls", toolCalls(reply)))));
        }
        return new StreamFrames(List.of(), chunks, List.of(line(done(reply, message("")))));
    }

    String completion(Reply reply) {
        JsonObjectBuilder message = message(reply.text());
        if (!reply.toolCalls().isEmpty()) {
            message.add("tool_calls", toolCalls(reply));
        }
        return done(reply, message).build().toString();
    }

    private JsonObjectBuilder progress(JsonObjectBuilder message) {
        return JSON.createObjectBuilder()
                .add("model", model)
                .add("created_at", Instant.now().toString())
                .add("message", message)
                .add("done", false);
    }

    private JsonObjectBuilder done(Reply reply, JsonObjectBuilder message) {
        return JSON.createObjectBuilder()
                .add("model", model)
                .add("created_at", Instant.now().toString())
                .add("message", message)
                .add("done", true)
                // Ollama says "stop" even when the model called tools.
                .add("done_reason", "stop")
                .add("total_duration", LOAD_NANOS + 2 * EVAL_NANOS)
                .add("load_duration", LOAD_NANOS)
                .add("prompt_eval_count", reply.promptTokens())
                .add("prompt_eval_duration", EVAL_NANOS)
                .add("eval_count", reply.completionTokens())
                .add("eval_duration", EVAL_NANOS);
    }

    private static JsonObjectBuilder message(String content) {
        return JSON.createObjectBuilder().add("role", "assistant").add("content", content);
    }

    private static JsonArrayBuilder toolCalls(Reply reply) {
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        reply.toolCalls().forEach(call -> calls.add(JSON.createObjectBuilder()
                .add("function", JSON.createObjectBuilder()
                        .add("name", call.name())
                        .add("arguments", argumentsObject(call)))));
        return calls;
    }

    static JsonObject argumentsObject(Reply.ToolCall call) {
        try (JsonReader reader = Json.createReader(new StringReader(call.argumentsJson()))) {
            return reader.readObject();
        } catch (JsonException e) {
            // Ollama can only send an object here, so such a script is a mistake in the test.
            throw new IllegalStateException("scripted arguments of tool call '" + call.name()
                    + "' are not a JSON object: " + call.argumentsJson(), e);
        }
    }

    private static String line(JsonObjectBuilder object) {
        return object.build() + "\n";
    }
}
