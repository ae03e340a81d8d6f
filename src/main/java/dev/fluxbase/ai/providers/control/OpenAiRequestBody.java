package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** The JSON body of an OpenAI-style chat completion request (OpenAI, Azure OpenAI and compatibles). */
final class OpenAiRequestBody {

    private OpenAiRequestBody() {
    }

    /** @param model null for Azure, where the deployment names the model */
    static String of(CompletionRequest request, String model) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (model != null) {
            body.add("model", model);
        }
        body.add("messages", messages(request))
                .add("stream", true)
                .add("stream_options", Json.createObjectBuilder().add("include_usage", true))
                .add("max_tokens", request.maxTokens())
                .add("temperature", request.temperature());
        if (!request.tools().isEmpty()) {
            body.add("tools", tools(request)).add("tool_choice", "auto");
        }
        return body.build().toString();
    }

    private static JsonArrayBuilder messages(CompletionRequest request) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (ChatMessage message : request.messages()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("role", message.role().wireName());
            json.add("content", message.content());
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
        JsonArrayBuilder calls = Json.createArrayBuilder();
        for (ToolCall call : message.toolCalls()) {
            calls.add(Json.createObjectBuilder()
                    .add("id", call.id())
                    .add("type", "function")
                    .add("function", Json.createObjectBuilder().add("name", call.name()).add("arguments", call.arguments())));
        }
        return calls;
    }

    private static JsonArrayBuilder tools(CompletionRequest request) {
        JsonArrayBuilder tools = Json.createArrayBuilder();
        for (ToolDefinition tool : request.tools()) {
            tools.add(Json.createObjectBuilder()
                    .add("type", "function")
                    .add("function", Json.createObjectBuilder()
                            .add("name", tool.name())
                            .add("description", tool.description())
                            .add("parameters", tool.parameters())));
        }
        return tools;
    }
}
