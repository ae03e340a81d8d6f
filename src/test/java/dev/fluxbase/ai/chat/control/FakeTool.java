package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A tool whose answer the test gives, keeping the calls it ran. */
final class FakeTool implements Tool {

    private final ToolDefinition definition;
    private final BiFunction<ToolCall, ToolContext, String> answer;
    final List<ToolCall> calls = new CopyOnWriteArrayList<>();

    FakeTool(String name, BiFunction<ToolCall, ToolContext, String> answer) {
        this.definition = new ToolDefinition(name, "a tool of the test", JsonFactories.PROVIDER.createObjectBuilder().build());
        this.answer = answer;
    }

    /** Answers every call with its arguments. */
    static FakeTool echo(String name) {
        return new FakeTool(name, (call, context) -> "result of " + call.arguments());
    }

    @Override
    public ToolDefinition definition() {
        return definition;
    }

    @Override
    public String instructions(ChatbotDefinition chatbot) {
        return "## " + definition.name() + "\n";
    }

    @Override
    public String run(ToolCall call, ToolContext context) {
        calls.add(call);
        return answer.apply(call, context);
    }
}
