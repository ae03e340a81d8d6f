package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ChatMessage;
import dev.fluxbase.ai.providers.entity.CompletionRequest;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of Gemini's {@code streamGenerateContent}: the system prompt as {@code systemInstruction}, turns of
 * the {@code user} and the {@code model}, tool calls as {@code functionCall} parts (with the thought signature the
 * model sent, which Gemini 3 insists on getting back) and their results as {@code functionResponse} parts, paired
 * by name and order: Gemini has no call ids. Tool schemas go as {@code parametersJsonSchema}, which takes JSON
 * Schema as it is, where {@code parameters} takes only an OpenAPI subset and refuses MCP tools' schemas.
 */
final class GeminiRequestBody {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private GeminiRequestBody() {
    }

    static String of(CompletionRequest request) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("contents", contents(request.messages()));
        String system = ConversationParts.systemText(request.messages());
        if (!system.isEmpty()) {
            body.add("systemInstruction", JSON.createObjectBuilder().add("parts", JSON.createArrayBuilder().add(text(system))));
        }
        if (!request.tools().isEmpty()) {
            body.add("tools", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("functionDeclarations", declarations(request.tools()))));
        }
        return body.add("generationConfig", generationConfig(request)).build().toString();
    }

    private static JsonObjectBuilder generationConfig(CompletionRequest request) {
        JsonObjectBuilder config = JSON.createObjectBuilder().add("maxOutputTokens", request.maxTokens());
        if (request.temperature() != null) {
            config.add("temperature", request.temperature());
        }
        if (request.responseSchema() != null) {
            config.add("responseMimeType", "application/json").add("responseJsonSchema", request.responseSchema().schema());
        }
        return config;
    }

    private static JsonArrayBuilder contents(List<ChatMessage> messages) {
        JsonArrayBuilder contents = JSON.createArrayBuilder();
        for (ConversationParts.Turn turn : ConversationParts.turns(messages, GeminiRequestBody::parts)) {
            contents.add(JSON.createObjectBuilder().add("role", turn.fromAssistant() ? "model" : "user")
                    .add("parts", JSON.createArrayBuilder(turn.parts())));
        }
        return contents;
    }

    private static List<JsonObject> parts(ChatMessage message) {
        List<JsonObject> parts = new ArrayList<>();
        if (message.role() == ChatMessage.Role.TOOL) {
            parts.add(JSON.createObjectBuilder().add("functionResponse", JSON.createObjectBuilder()
                    .add("name", message.toolName() == null ? "" : message.toolName())
                    .add("response", JSON.createObjectBuilder().add("content", message.content()))).build());
            return parts;
        }
        if (!message.content().isBlank()) {
            parts.add(text(message.content()).build());
        }
        for (ToolCall call : message.toolCalls()) {
            JsonObjectBuilder part = JSON.createObjectBuilder().add("functionCall",
                    JSON.createObjectBuilder().add("name", call.name()).add("args", ToolArguments.asObject(call)));
            if (call.providerData() != null) {
                part.add("thoughtSignature", call.providerData());
            }
            parts.add(part.build());
        }
        return parts;
    }

    private static JsonObjectBuilder text(String text) {
        return JSON.createObjectBuilder().add("text", text);
    }

    private static JsonArrayBuilder declarations(List<ToolDefinition> definitions) {
        JsonArrayBuilder declarations = JSON.createArrayBuilder();
        definitions.forEach(tool -> declarations.add(JSON.createObjectBuilder()
                .add("name", tool.name())
                .add("description", tool.description())
                .add("parametersJsonSchema", tool.parameters())));
        return declarations;
    }
}
