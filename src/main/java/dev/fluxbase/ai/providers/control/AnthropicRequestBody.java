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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of Anthropic's {@code /v1/messages}: the system prompt apart, tool calls as {@code tool_use}
 * blocks of the assistant, their results as {@code tool_result} blocks of the next user message. Consecutive
 * messages of one side become one message, as Anthropic wants all results of a round together, and empty
 * text blocks are left out, as Anthropic refuses them. No response schema: the caller validates the answer.
 */
final class AnthropicRequestBody {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;
    // Anthropic's temperatures end at 1, the chatbots' at 2.
    private static final BigDecimal MAX_TEMPERATURE = BigDecimal.ONE;

    private AnthropicRequestBody() {
    }

    static String of(CompletionRequest request, String model) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("model", model)
                .add("max_tokens", request.maxTokens())
                .add("stream", true);
        String system = ConversationParts.systemText(request.messages());
        if (!system.isEmpty()) {
            body.add("system", system);
        }
        body.add("messages", messages(request.messages()));
        if (request.temperature() != null) {
            body.add("temperature", request.temperature().min(MAX_TEMPERATURE));
        }
        if (!request.tools().isEmpty()) {
            body.add("tools", tools(request.tools()));
        }
        return body.build().toString();
    }

    private static JsonArrayBuilder messages(List<ChatMessage> messages) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ConversationParts.Turn turn : ConversationParts.turns(messages, AnthropicRequestBody::blocks)) {
            array.add(JSON.createObjectBuilder().add("role", turn.fromAssistant() ? "assistant" : "user").add("content", JSON.createArrayBuilder(turn.parts())));
        }
        return array;
    }

    private static List<JsonObject> blocks(ChatMessage message) {
        List<JsonObject> blocks = new ArrayList<>();
        if (message.role() == ChatMessage.Role.TOOL) {
            blocks.add(JSON.createObjectBuilder().add("type", "tool_result").add("tool_use_id", message.toolCallId())
                    .add("content", message.content()).build());
            return blocks;
        }
        if (!message.content().isBlank()) {
            blocks.add(JSON.createObjectBuilder().add("type", "text").add("text", message.content()).build());
        }
        for (ToolCall call : message.toolCalls()) {
            blocks.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", call.id()).add("name", call.name())
                    .add("input", ToolArguments.asObject(call)).build());
        }
        return blocks;
    }

    private static JsonArrayBuilder tools(List<ToolDefinition> definitions) {
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        definitions.forEach(tool -> tools.add(JSON.createObjectBuilder()
                .add("name", tool.name())
                .add("description", tool.description())
                .add("input_schema", tool.parameters())));
        return tools;
    }
}
