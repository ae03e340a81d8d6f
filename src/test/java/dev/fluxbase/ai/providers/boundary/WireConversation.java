package dev.fluxbase.ai.providers.boundary;

import dev.fluxbase.ai.it.support.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation a provider request carried, whatever its dialect, as OpenAI's roles: {@code system}, {@code user},
 * {@code assistant} (with its tool calls) and one {@code tool} message per result. Tests that compare dialects read
 * this; tests of one dialect's shape read the request itself.
 */
final class WireConversation {

    /** One message; {@code toolCallId} and {@code toolName} are whatever the dialect pairs a result by (null otherwise). */
    record Message(String role, String content, List<Call> calls, String toolCallId, String toolName) {
    }

    /** A tool call; the id is null where the dialect has none. */
    record Call(String id, String name, JsonObject arguments) {
    }

    private WireConversation() {
    }

    static List<Message> of(ProviderKind kind, RecordedRequest request) {
        JsonObject body = request.json();
        return switch (kind) {
            case OPENAI, AZURE, OLLAMA -> openAi(body);
            case ANTHROPIC -> anthropic(body);
            case GEMINI -> gemini(body);
        };
    }

    private static List<Message> openAi(JsonObject body) {
        List<Message> messages = new ArrayList<>();
        for (JsonObject m : body.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            List<Call> calls = new ArrayList<>();
            if (m.containsKey("tool_calls")) {
                for (JsonObject call : m.getJsonArray("tool_calls").getValuesAs(JsonObject.class)) {
                    JsonObject function = call.getJsonObject("function");
                    calls.add(new Call(call.getString("id", null), function.getString("name"), object(function.get("arguments"))));
                }
            }
            messages.add(new Message(m.getString("role"), m.get("content") instanceof JsonString s ? s.getString() : "", calls,
                    m.getString("tool_call_id", null), m.getString("tool_name", null)));
        }
        return messages;
    }

    private static List<Message> anthropic(JsonObject body) {
        List<Message> messages = new ArrayList<>();
        if (body.containsKey("system")) {
            messages.add(new Message("system", body.getString("system"), List.of(), null, null));
        }
        for (JsonObject m : body.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            StringBuilder text = new StringBuilder();
            List<Call> calls = new ArrayList<>();
            List<Message> results = new ArrayList<>();
            for (JsonObject block : m.getJsonArray("content").getValuesAs(JsonObject.class)) {
                switch (block.getString("type")) {
                    case "text" -> text.append(block.getString("text"));
                    case "tool_use" -> calls.add(new Call(block.getString("id"), block.getString("name"), block.getJsonObject("input")));
                    case "tool_result" -> results.add(new Message("tool", block.getString("content"), List.of(),
                            block.getString("tool_use_id"), null));
                    default -> throw new AssertionError("unexpected block " + block);
                }
            }
            if (text.length() > 0 || !calls.isEmpty()) {
                messages.add(new Message(m.getString("role"), text.toString(), calls, null, null));
            }
            messages.addAll(results);
        }
        return messages;
    }

    private static List<Message> gemini(JsonObject body) {
        List<Message> messages = new ArrayList<>();
        if (body.containsKey("systemInstruction")) {
            messages.add(new Message("system", body.getJsonObject("systemInstruction").getJsonArray("parts").getJsonObject(0).getString("text"),
                    List.of(), null, null));
        }
        for (JsonObject content : body.getJsonArray("contents").getValuesAs(JsonObject.class)) {
            StringBuilder text = new StringBuilder();
            List<Call> calls = new ArrayList<>();
            List<Message> results = new ArrayList<>();
            for (JsonObject part : content.getJsonArray("parts").getValuesAs(JsonObject.class)) {
                if (part.containsKey("text")) {
                    text.append(part.getString("text"));
                } else if (part.containsKey("functionCall")) {
                    JsonObject call = part.getJsonObject("functionCall");
                    calls.add(new Call(null, call.getString("name"), call.getJsonObject("args")));
                } else {
                    JsonObject response = part.getJsonObject("functionResponse");
                    results.add(new Message("tool", response.getJsonObject("response").getString("content"), List.of(), null,
                            response.getString("name")));
                }
            }
            if (text.length() > 0 || !calls.isEmpty()) {
                messages.add(new Message(content.getString("role").equals("model") ? "assistant" : "user", text.toString(), calls, null, null));
            }
            messages.addAll(results);
        }
        return messages;
    }

    /** OpenAI sends arguments as JSON text, Ollama as an object. */
    private static JsonObject object(JsonValue arguments) {
        if (arguments instanceof JsonObject object) {
            return object;
        }
        try (JsonReader reader = Json.createReader(new StringReader(((JsonString) arguments).getString()))) {
            return reader.readObject();
        }
    }
}
