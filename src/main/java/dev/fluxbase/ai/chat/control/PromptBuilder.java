package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.chatbots.entity.AnswerStyle;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.settings.entity.SettingRef;
import dev.fluxbase.ai.tools.control.ToolBox;
import dev.fluxbase.ai.tools.entity.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The system prompt of a turn: the chatbot's prompt with its variables and settings, each of its tools' instructions,
 * the retrieved context, and who asks when.
 */
@ApplicationScoped
public class PromptBuilder {

    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH);

    /** The order of {@link ChatbotTool}, not of the chatbot's file: reordering a declaration leaves the prompt as it was. */
    private static final Comparator<Tool> SECTION_ORDER = Comparator.comparingInt(
            tool -> ChatbotTool.byName(tool.definition().name()).map(Enum::ordinal).orElse(Integer.MAX_VALUE));

    @Inject
    ToolBox toolBox;

    /**
     * @param knowledge retrieved knowledge-base context, already delimited as data, or empty; placed after the tool sections
     * @param settings  the values of the settings the prompt names, as the LLM may read them
     */
    public String systemPrompt(ChatbotDefinition chatbot, ChatIdentity identity, String knowledge, Function<SettingRef, String> settings) {
        StringBuilder prompt = new StringBuilder(SystemPrompt.render(chatbot.systemPrompt(),
                Map.of("user_id", identity.userId() == null ? "" : identity.userId(), "namespace", chatbot.namespace()), settings));
        // tools that reach the same tables share one section; tools with nothing to say have none
        toolBox.toolsFor(chatbot).stream().sorted(SECTION_ORDER).map(tool -> tool.instructions(chatbot))
                .filter(section -> !section.isBlank()).distinct()
                .forEach(section -> prompt.append("\n\n").append(section));
        if (!knowledge.isEmpty()) {
            prompt.append("\n\n").append(knowledge);
        }
        prompt.append("\n\n").append(responseLanguage(chatbot.settings().answerStyle().responseLanguage()));
        prompt.append("\nCurrent user ID: ").append(identity.userId() == null ? "anonymous" : identity.userId())
                .append("\nCurrent date and time: ").append(NOW.format(ZonedDateTime.now(ZoneOffset.UTC)));
        return prompt.toString();
    }

    /** {@code @fluxbase:response-language}: {@code auto} (the default) answers in the language of each message, as Fluxbase does. */
    static String responseLanguage(String language) {
        return "## Response language\n" + (AnswerStyle.AUTO.equalsIgnoreCase(language)
                ? "Always respond in the same language as the user's message: detect the language of each message and reply in it."
                : "Always respond in " + language + ", regardless of the language the user writes in.");
    }
}
