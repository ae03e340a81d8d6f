package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.ParsedChatbot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatbotFileWarningsTest {

    private static final String FILE = "chatbots/bot/index.ts";

    private static ParsedChatbot read(String code) throws ChatbotFileException {
        return new ChatbotFileParser().read(FILE, "default", "bot", code);
    }

    private static List<String> warnings(String code) throws ChatbotFileException {
        return read(code).warnings().stream().map(LoadWarning::toString).toList();
    }

    @Test
    void aFileOfKnownAnnotationsHasNoWarnings() throws ChatbotFileException {
        assertThat(warnings("/**\n * Bot\n * @fluxbase:allowed-tables orders\n * @fluxbase:rate-limit 20/min\n */\nexport default `prompt`\n"))
                .isEmpty();
    }

    @Test
    void anUnknownAnnotationIsAWarningWithFileAndLine() throws ChatbotFileException {
        assertThat(warnings("/**\n * Bot\n * @fluxbase:colour blue\n */\nexport default `prompt`\n"))
                .containsExactly(FILE + ":3: unknown annotation @fluxbase:colour, ignored");
    }

    @Test
    void fluxbaseAnnotationsNotHonouredYetSaySo() throws ChatbotFileException {
        assertThat(warnings("/**\n * @fluxbase:use-mcp-schema\n */\nexport default `prompt`\n"))
                .singleElement().asString().startsWith(FILE + ":2: @fluxbase:use-mcp-schema (MCP-style schema descriptions) is not supported");
    }

    @Test
    void fluxbaseMcpToolsThatThisServerDoesNotHaveAreWarningsOnTheirLine() throws ChatbotFileException {
        assertThat(warnings("/**\n * @fluxbase:mcp-tools query_table,invoke_function,teleport\n */\nexport default `p`\n")).containsExactly(
                FILE + ":2: @fluxbase:mcp-tools invoke_function needs Fluxbase's edge functions, which this server does not have: not offered",
                FILE + ":2: @fluxbase:mcp-tools teleport is not one of Fluxbase's MCP tools, ignored");
    }

    @Test
    void aRepeatedAnnotationWarnsThatTheFirstCounts() throws ChatbotFileException {
        ParsedChatbot bot = read("/**\n * @fluxbase:max-turns 5\n * @fluxbase:max-turns 9\n */\nexport default `prompt`\n");
        assertThat(bot.definition().settings().conversations().maxTurns()).isEqualTo(5);
        assertThat(bot.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("first one (line 2)");
        });
    }

    @Test
    void aMalformedAnnotationLineIsAWarning() throws ChatbotFileException {
        assertThat(warnings("/**\n * @fluxbase:Rate_Limit 5\n */\nexport default `prompt`\n"))
                .singleElement().asString().startsWith(FILE + ":2: '@fluxbase:Rate_Limit' is not an annotation");
    }

    @Test
    void anAnnotationInsideThePromptIsAWarningWhenHarmless() throws ChatbotFileException {
        assertThat(warnings("/** Bot */\nexport default `Explain\n@fluxbase:temperature 0.1 to the user`\n"))
                .singleElement().asString().startsWith(FILE + ":3: @fluxbase:temperature inside the system prompt is ignored");
    }

    @Test
    void aLimitInsideThePromptStaysTextWithAWarning() throws ChatbotFileException {
        ParsedChatbot bot = read("/** Bot */\nexport default `Say @fluxbase:max-tokens 5`\n");
        assertThat(bot.definition().settings().modelChoice().maxTokens()).isEqualTo(4096);
        assertThat(bot.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("inside the system prompt"));
    }

    @Test
    void aLimitOutsideTheDocCommentRefusesTheChatbotBecauseFluxbaseWouldApplyIt() {
        assertThatThrownBy(() -> read("/** Bot */\n// @fluxbase:allowed-tables orders\nexport default `prompt`\n"))
                .isInstanceOf(ChatbotFileException.class).hasMessageContaining(FILE + ":2")
                .hasMessageContaining("outside the leading doc comment");
    }

    @Test
    void aRepetitionOutsideTheDocCommentChangesNothingAndWarns() throws ChatbotFileException {
        assertThat(warnings("/**\n * @fluxbase:allowed-tables orders\n */\nexport default `Only @fluxbase:allowed-tables orders`\n"))
                .singleElement().asString().contains("repeats the doc comment's");
    }
}
