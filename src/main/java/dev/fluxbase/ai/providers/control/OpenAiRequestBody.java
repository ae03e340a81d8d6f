package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;

/**
 * The JSON body of an OpenAI-style chat completion request (OpenAI, Azure OpenAI and compatibles).
 * Only what every compatible server understands is sent: no {@code tool_choice} or
 * {@code parallel_tool_calls}, whose defaults are what we want anyway. The one exception is
 * {@code response_format}, sent only for a request with a response schema, whose callers ask again
 * without it when a server refuses it.
 */
final class OpenAiRequestBody {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    // Reasoning models refuse max_tokens and any temperature but the default.
    private static final List<String> REASONING_FAMILIES = List.of("o1", "o3", "o4", "gpt-5");

    private OpenAiRequestBody() {
    }

    /**
     * @param model     sent as {@code model}; null for Azure, where the deployment names the model
     * @param modelName what decides the token parameter (for Azure the optional configured model)
     */
    static String of(CompletionRequest request, String model, String modelName) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (model != null) {
            body.add("model", model);
        }
        body.add("messages", messages(request))
                .add("stream", true)
                .add("stream_options", JSON.createObjectBuilder().add("include_usage", true));
        if (isReasoningModel(modelName)) {
            body.add("max_completion_tokens", request.maxTokens());
        } else {
            body.add("max_tokens", request.maxTokens());
            if (request.temperature() != null) {
                body.add("temperature", request.temperature());
            }
        }
        if (!request.tools().isEmpty()) {
            body.add("tools", tools(request.tools()));
        }
        if (request.responseSchema() != null) {
            body.add("response_format", JSON.createObjectBuilder().add("type", "json_schema")
                    .add("json_schema", JSON.createObjectBuilder().add("name", request.responseSchema().name()).add("strict", true)
                            .add("schema", request.responseSchema().schema())));
        }
        return body.build().toString();
    }

    /** o1, o3, o4 and gpt-5 models, also behind a router prefix such as {@code openai/o3-mini}. */
    static boolean isReasoningModel(String model) {
        if (model == null) {
            return false;
        }
        String name = model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return REASONING_FAMILIES.stream().anyMatch(family -> name.equals(family) || name.startsWith(family + "-"));
    }

    private static JsonArrayBuilder messages(CompletionRequest request) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (ChatMessage message : request.messages()) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("role", message.role().wireName());
            if (!message.content().isEmpty() || message.toolCalls().isEmpty()) {
                json.add("content", message.content());
            }
            if (!message.toolCalls().isEmpty()) {
                json.add("tool_calls", toolCalls(message));
            }
            if (message.role() == ChatMessage.Role.TOOL) {
                json.add("tool_call_id", message.toolCallId());
            }
            messages.add(json);
        }
        return messages;
    }

    private static JsonArrayBuilder toolCalls(ChatMessage message) {
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        for (ToolCall call : message.toolCalls()) {
            calls.add(JSON.createObjectBuilder()
                    .add("id", call.id())
                    .add("type", "function")
                    .add("function", JSON.createObjectBuilder().add("name", call.name()).add("arguments", call.arguments())));
        }
        return calls;
    }

    static JsonArrayBuilder tools(List<ToolDefinition> definitions) {
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        for (ToolDefinition tool : definitions) {
            tools.add(JSON.createObjectBuilder()
                    .add("type", "function")
                    .add("function", JSON.createObjectBuilder()
                            .add("name", tool.name())
                            .add("description", tool.description())
                            .add("parameters", tool.parameters())));
        }
        return tools;
    }
}
