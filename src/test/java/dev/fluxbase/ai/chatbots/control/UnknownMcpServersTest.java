package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A chatbot naming an MCP server nobody registered loads, with a warning on the annotation's line. */
class UnknownMcpServersTest {

    @Test
    void unregisteredServersAreWarningsAndTheRegistryIsAskedOnlyWhenServersAreNamed() throws ChatbotFileException {
        String code = "/**\n * Bot\n * @fluxbase:mcp-servers weather, maps\n */\nexport default `p`\n";
        ChatbotDefinition bot = new ChatbotFileParser().parse("f.ts", "default", "bot", code);
        assertThat(UnknownMcpServers.of("f.ts", code, bot, () -> Set.of("weather"))).extracting(Object::toString).containsExactly(
                "f.ts:3: @fluxbase:mcp-servers maps is not a registered MCP server (yet): its tools are offered once an admin registers it");
        ChatbotDefinition plain = new ChatbotFileParser().parse("f.ts", "default", "bot", "/** Bot */\nexport default `p`\n");
        assertThat(UnknownMcpServers.of("f.ts", "", plain, () -> {
            throw new AssertionError("no registry look-up for a chatbot without servers");
        })).isEmpty();
    }
}
