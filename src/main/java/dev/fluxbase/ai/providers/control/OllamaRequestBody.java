package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.ToolCall;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON body of Ollama's {@code /api/chat}: tool calls carry their arguments as an object and
 * tool results have no call id (Ollama pairs them by order; {@code tool_name} helps newer versions).
 * {@code num_ctx} is always sent: Ollama's own default window (2048 tokens before 0.6, 4096 since) cuts the
 * system prompt of a chatbot with a schema and retrieved context from the front, silently.
 */
final class OllamaRequestBody {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private OllamaRequestBody() {
    }

    /** @param numCtx the context window in tokens */
    static String of(CompletionRequest request, String model, int numCtx) {
        JsonObjectBuilder options = JSON.createObjectBuilder().add("num_ctx", numCtx).add("num_predict", request.maxTokens());
        if (request.temperature() != null) {
            options.add("temperature", request.temperature());
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("model", model)
                .add("messages", messages(request))
                .add("stream", true)
                .add("options", options);
        if (!request.tools().isEmpty()) {
            body.add("tools", OpenAiRequestBody.tools(request.tools()));
        }
        if (request.responseSchema() != null) {
            body.add("format", request.responseSchema().schema()); // Ollama's structured outputs (0.5 and later)
        }
        return body.build().toString();
    }

    private static JsonArrayBuilder messages(CompletionRequest request) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (ChatMessage message : request.messages()) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("role", message.role().wireName())
                    .add("content", message.content());
            if (!message.toolCalls().isEmpty()) {
                JsonArrayBuilder calls = JSON.createArrayBuilder();
                for (ToolCall call : message.toolCalls()) {
                    calls.add(JSON.createObjectBuilder().add("function",
                            JSON.createObjectBuilder().add("name", call.name()).add("arguments", ToolArguments.asObject(call))));
                }
                json.add("tool_calls", calls);
            }
            if (message.role() == ChatMessage.Role.TOOL && message.toolName() != null) {
                json.add("tool_name", message.toolName());
            }
            messages.add(json);
        }
        return messages;
    }
}
