package dev.fluxbase.ai.tools.reasoning.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.providers.entity.ToolCall;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.ProgressSteps;
import dev.fluxbase.ai.tools.entity.Tool;
import dev.fluxbase.ai.tools.entity.ToolArguments;
import dev.fluxbase.ai.tools.entity.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Fluxbase's {@code think}: the model writes down its plan before it acts. Nothing runs; the thought is acknowledged,
 * and with {@code @fluxbase:show-reasoning} the user sees it as a {@code thinking} progress frame. With
 * {@code @fluxbase:reasoning-mode react} or {@code strict} the first round of a turn offers this tool alone.
 */
@ApplicationScoped
public class ThinkTool implements Tool {

    public static final String NAME = "think";
    static final String ACKNOWLEDGED = "Thought recorded. Proceed with your plan using the other tools, or answer if you have what you need.";
    /** A progress frame is a status line, not a document. */
    static final int MAX_SHOWN_CHARS = 4000;

    private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
            "Plan your approach before you act: analyse the question, decide which tools to use in which order and what to look "
                    + "for. Use it before querying data and whenever the question is complex or ambiguous. It runs nothing.",
            JsonFactories.readObject("""
                    {"type": "object",
                     "properties": {"thought": {"type": "string", "description": "Your analysis of the question and your step-by-step plan"}},
                     "required": ["thought"]}"""));

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public String instructions(ChatbotDefinition chatbot) {
        return "## Reasoning\n" + (chatbot.settings().answerStyle().thinksFirst()
                ? "- Start every answer by calling the think tool with your plan; then use the other tools.\n"
                : "- Use the think tool to plan before you query data, especially for complex questions.\n");
    }

    @Override
    public String run(ToolCall call, ToolContext context) {
        try {
            String thought = thought(ToolArguments.parse(call.arguments()));
            if (context.chatbot().settings().answerStyle().showReasoning()) {
                context.events().progress(ProgressSteps.THINKING, shown(thought));
            }
            return ACKNOWLEDGED;
        } catch (ToolArguments.Invalid e) {
            return e.toolResult();
        }
    }

    /** {@code thought}, or what a model used to Fluxbase's schema writes: analysis, plan, tool choice and reasoning. */
    static String thought(JsonFields arguments) {
        if (arguments.nonBlankText("thought").isPresent()) {
            return arguments.nonBlankText("thought").get().strip();
        }
        List<String> parts = new ArrayList<>();
        arguments.nonBlankText("analysis").ifPresent(parts::add);
        arguments.strings("plan").ifPresent(plan -> parts.add(String.join("\n", plan)));
        arguments.nonBlankText("tool_choice").ifPresent(choice -> parts.add("Tool: " + choice));
        arguments.nonBlankText("reasoning").ifPresent(parts::add);
        if (parts.isEmpty()) {
            return arguments.requiredText("thought");
        }
        return String.join("\n", parts).strip();
    }

    private static String shown(String thought) {
        return thought.length() <= MAX_SHOWN_CHARS ? thought : thought.substring(0, MAX_SHOWN_CHARS) + "…";
    }
}
