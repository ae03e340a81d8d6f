package dev.fluxbase.ai.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link Reply} as Gemini's {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse}: SSE without
 * event names or an end marker, each event a whole response with the candidate's new parts and the usage so far;
 * function calls whole, one part each, without ids; the last event has the finish reason and the final usage.
 * Content chunks are one per text delta and one per function call. {@code :generateContent} answers one response.
 */
public final class GeminiWire {

    static final Pattern PATH = Pattern.compile("/v1beta/models/([^/:]+):(streamGenerateContent|generateContent)");

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final String model;

    GeminiWire(String path) {
        Matcher matcher = PATH.matcher(path);
        this.model = matcher.matches() ? matcher.group(1) : "";
    }

    static boolean isStreaming(String path) {
        return path.endsWith(":streamGenerateContent");
    }

    /** Google's error envelope, e.g. 429 with status {@code RESOURCE_EXHAUSTED}. */
    static String error(int code, String message, String status) {
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("code", code).add("message", message)
                .add("status", status)).build().toString();
    }

    /** What Google answers, with HTTP 400, to a wrong API key. */
    static String invalidApiKey() {
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("code", 400)
                .add("message", "API key not valid. Please pass a valid API key.").add("status", "INVALID_ARGUMENT")
                .add("details", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("@type", "type.googleapis.com/google.rpc.ErrorInfo").add("reason", "API_KEY_INVALID")
                        .add("domain", "googleapis.com")))).build().toString();
    }

    StreamFrames stream(Reply reply) {
        List<String> chunks = new ArrayList<>();
        for (String delta : reply.textDeltas()) {
            chunks.add(event(response(JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", delta)), null,
                    usage(reply.promptTokens(), 0))));
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            chunks.add(event(response(JSON.createArrayBuilder().add(functionCall(call)), null, usage(reply.promptTokens(), 0))));
        }
        String last = event(response(JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", "")), "STOP",
                usage(reply.promptTokens(), reply.completionTokens())));
        return new StreamFrames(List.of(), chunks, List.of(last));
    }

    String completion(Reply reply) {
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        if (!reply.text().isEmpty()) {
            parts.add(JSON.createObjectBuilder().add("text", reply.text()));
        }
        reply.toolCalls().forEach(call -> parts.add(functionCall(call)));
        return response(parts, "STOP", usage(reply.promptTokens(), reply.completionTokens())).toString();
    }

    private static JsonObjectBuilder functionCall(Reply.ToolCall call) {
        return JSON.createObjectBuilder().add("functionCall", JSON.createObjectBuilder().add("name", call.name())
                .add("args", OllamaWire.argumentsObject(call)));
    }

    private JsonObject response(JsonArrayBuilder parts, String finishReason, JsonObjectBuilder usage) {
        JsonObjectBuilder candidate = JSON.createObjectBuilder()
                .add("content", JSON.createObjectBuilder().add("parts", parts).add("role", "model"));
        if (finishReason != null) {
            candidate.add("finishReason", finishReason);
        }
        return JSON.createObjectBuilder().add("candidates", JSON.createArrayBuilder().add(candidate.add("index", 0)))
                .add("usageMetadata", usage).add("modelVersion", model).add("responseId", "fake-response").build();
    }

    private static JsonObjectBuilder usage(int prompt, int candidates) {
        JsonObjectBuilder usage = JSON.createObjectBuilder().add("promptTokenCount", prompt);
        if (candidates > 0) {
            usage.add("candidatesTokenCount", candidates);
        }
        return usage.add("totalTokenCount", prompt + candidates);
    }

    private static String event(JsonObject data) {
        return "data: " + data + "\r\n\r\n";
    }
}
